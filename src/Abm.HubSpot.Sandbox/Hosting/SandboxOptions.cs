namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>Everything needed to start a sandbox; the defaults suit tests.</summary>
public sealed record SandboxOptions
{
    /// <summary>Kestrel address; port 0 picks a free port.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    public int Seed { get; init; } = 42;

    public IReadOnlyList<SandboxPortalOptions> Portals { get; init; } = [new SandboxPortalOptions()];

    /// <summary>Simulated time at start; null starts at the real current time.</summary>
    public DateTimeOffset? ClockStart { get; init; }

    /// <summary>
    /// Start in the past: a new portal is seeded this long before the real now and its buyers live that time
    /// before <see cref="SandboxHost.StartAsync"/> returns (a portal read back from the data file lives the time
    /// it was stopped instead). Any value above zero also keeps the clock from running ahead of real time.
    /// </summary>
    public TimeSpan History { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The last part of <see cref="History"/> that is lived after the start, on the running clock at
    /// <see cref="ClockSpeed"/>, instead of before it: a receiver attached at start sees those buyers act faster
    /// than real time until the clock has caught up with the real one.
    /// </summary>
    public TimeSpan CatchUp { get; init; } = TimeSpan.Zero;

    /// <summary>The clock never shows a moment later than the real clock (see <see cref="Clock.SimulatedClock"/>); on with a <see cref="History"/>.</summary>
    public bool NeverAheadOfRealTime { get; init; }

    internal bool ClockCappedAtRealTime => NeverAheadOfRealTime || History > TimeSpan.Zero;

    /// <summary>Simulated seconds per real second; 0 freezes time until advanced through the admin API.</summary>
    public double ClockSpeed { get; init; } = 1;

    public TimeSpan OAuthAccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a created or updated record stays invisible (or stale) in search.</summary>
    public TimeSpan SearchVisibilityDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How long a webhook target may take to answer before the attempt counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Real time between two passes of the webhook dispatcher.</summary>
    public TimeSpan WebhookPollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Whether the seeded buyers act on the simulated clock and react to sends (see docs/sandbox.md, "Behaviour
    /// over simulated time"); off leaves the portal as still as seeded, e.g. for latency benchmarks.
    /// </summary>
    public bool SimulateBehaviour { get; init; } = true;

    /// <summary>
    /// SQLite file that keeps the sandbox's state across restarts (null: memory only). A file that holds portals
    /// replaces seeding; a new or empty one is seeded from the options and written at once.
    /// </summary>
    public string? DataFile { get; init; }

    /// <summary>Real time between two saves to <see cref="DataFile"/>; a clean shutdown saves as well.</summary>
    public TimeSpan DataFileSaveInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Writes request logs to standard error when true; tests keep it quiet.</summary>
    public bool EnableLogging { get; init; }
}
