using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Privacy;

/// <summary>The retention job's server-wide settings; how long raw events are kept is each workspace's own (<c>eventRetentionDays</c>).</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Settled webhook batches (done, unmatched, failed) older than this are deleted.</summary>
    [Range(1, 3650, ErrorMessage = "Retention:WebhookHistoryDays must be between 1 and 3650.")]
    public int WebhookHistoryDays { get; set; } = 30;

    /// <summary>Hours between two passes; 0 turns the job off. The first pass runs <see cref="FirstPassDelayMinutes"/> after start.</summary>
    [Range(0, 24 * 365, ErrorMessage = "Retention:IntervalHours must be between 0 and 8760.")]
    public int IntervalHours { get; set; } = 24;

    [Range(0, 24 * 60, ErrorMessage = "Retention:FirstPassDelayMinutes must be between 0 and 1440.")]
    public int FirstPassDelayMinutes { get; set; } = 10;

    /// <summary>Rows deleted per statement, so a first pass over years of events never holds one huge transaction.</summary>
    [Range(100, 100_000, ErrorMessage = "Retention:BatchSize must be between 100 and 100000.")]
    public int BatchSize { get; set; } = 5_000;
}
