using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Sync;

/// <summary>How often and how carefully the portal is re-read (section "Sync").</summary>
internal sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Minutes between incremental syncs of each connected workspace; 0 turns the schedule off.</summary>
    [Range(0, 1440)]
    public int IncrementalIntervalMinutes { get; set; } = 5;

    /// <summary>HubSpot's search lags changes by a few seconds; the watermark stays this far behind the newest modification HubSpot stamped on what was read.</summary>
    [Range(0, 3600)]
    public int SearchVisibilityMarginSeconds { get; set; } = 60;

    /// <summary>
    /// Form submissions are read newest first down to the newest one the last pull saw, less this overlap, for
    /// submissions HubSpot files a little after the moment they carry.
    /// </summary>
    [Range(0, 1440)]
    public int FormSubmissionOverlapMinutes { get; set; } = 15;

    /// <summary>How long a server holds a portal's lease before another may take over its sync and write-back.</summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 120;
}
