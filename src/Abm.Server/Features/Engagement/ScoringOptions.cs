using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Engagement;

internal sealed class ScoringOptions
{
    public const string Section = "Scoring";

    /// <summary>Hour of the day (UTC) at which every workspace gets a full recompute.</summary>
    [Range(0, 23, ErrorMessage = "Scoring:NightlyHourUtc must be between 0 and 23.")]
    public int NightlyHourUtc { get; set; } = 2;

    public bool NightlyPassEnabled { get; set; } = true;
}
