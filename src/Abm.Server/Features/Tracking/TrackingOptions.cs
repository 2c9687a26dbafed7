using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Tracking;

internal sealed class TrackingOptions
{
    public const string Section = "Tracking";

    /// <summary>How long a per-contact tracking token in a nurture link stays valid.</summary>
    [Range(1, 730, ErrorMessage = "Tracking:TokenLifetimeDays must be between 1 and 730.")]
    public int TokenLifetimeDays { get; set; } = 90;

    /// <summary>Collect calls allowed per minute from one client address, to blunt floods from a single source.</summary>
    [Range(1, 100_000, ErrorMessage = "Tracking:CollectPerMinutePerAddress must be between 1 and 100000.")]
    public int CollectPerMinutePerAddress { get; set; } = 120;
}
