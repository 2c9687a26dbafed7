using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Leads;

internal sealed class LeadScoringOptions
{
    public const string Section = "Leads";

    /// <summary>How often the worker looks for leads to score; 0 turns automatic scoring off.</summary>
    [Range(0, 86_400, ErrorMessage = "Leads:AutoScoreIntervalSeconds must be between 0 and 86400.")]
    public int AutoScoreIntervalSeconds { get; set; } = 30;

    /// <summary>A lead is scored once its contact, company and engagement have been still this long: a burst of changes scores it once.</summary>
    [Range(0, 86_400, ErrorMessage = "Leads:DebounceSeconds must be between 0 and 86400.")]
    public int DebounceSeconds { get; set; } = 60;

    /// <summary>Leads scored per workspace per round.</summary>
    [Range(1, 100_000, ErrorMessage = "Leads:BatchSize must be between 1 and 100000.")]
    public int BatchSize { get; set; } = 2_000;
}
