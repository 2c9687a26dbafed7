using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Marketing;

internal sealed class MarketingOptions
{
    public const string Section = "Marketing";

    /// <summary>How often the send worker looks for due scheduled sends (0: never).</summary>
    [Range(0, 3600, ErrorMessage = "Marketing:SendIntervalSeconds must be between 0 and 3600.")]
    public int SendIntervalSeconds { get; set; } = 15;

    /// <summary>How long a claimed send stays invisible to other claims; a crashed instance's send is picked up again after it.</summary>
    [Range(10, 3600, ErrorMessage = "Marketing:ClaimSeconds must be between 10 and 3600.")]
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>The most recipients one send may have (a list with more is refused, before and at send time).</summary>
    [Range(1, 100_000, ErrorMessage = "Marketing:MaxRecipients must be between 1 and 100000.")]
    public int MaxRecipients { get; set; } = 1_000;

    /// <summary>Tries of a send whose HubSpot calls keep failing before it is marked failed.</summary>
    [Range(1, 50, ErrorMessage = "Marketing:MaxAttempts must be between 1 and 50.")]
    public int MaxAttempts { get; set; } = 5;
}
