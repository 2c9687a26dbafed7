extern alias sandbox;

using System.Globalization;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.RecommenderQuality;

/// <summary>
/// The sandbox side of a quality run: one seeded portal whose buyers act on the simulated clock. The clock starts
/// <see cref="QualityRunOptions.Days"/> days in the past, so once the buyers have lived those days their events
/// lie in the server's past, as real history does (the server refuses events from its future).
/// </summary>
public sealed class QualityWorld : IAsyncDisposable
{
    private QualityWorld(SandboxHost sandbox, QualityRunOptions options)
    {
        Sandbox = sandbox;
        Options = options;
        Admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
    }

    public SandboxHost Sandbox { get; }

    public QualityRunOptions Options { get; }

    /// <summary>The sandbox's admin routes (no token): market, behaviour, event sink.</summary>
    public HttpClient Admin { get; }

    public long PortalId => Sandbox.Portals[0].PortalId;

    /// <summary>The server settings that connect it to the portal and keep its own timers out of the measurement.</summary>
    public IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
    {
        ["HUBSPOT_API_KEY"] = Sandbox.Portals[0].AccessToken,
        ["HUBSPOT_BASE_URL"] = Sandbox.BaseUrl,
        ["HUBSPOT_PORTAL_ID"] = PortalId.ToString(CultureInfo.InvariantCulture),
        ["HUBSPOT_TIER"] = "professional",
        ["Sync:IncrementalIntervalMinutes"] = "0", // the harness asks for every sync
        ["Sync:SearchVisibilityMarginSeconds"] = "0",
        ["Scoring:NightlyPassEnabled"] = "false", // the harness runs the nightly pass itself, once the history is in
        ["WriteBack:IntervalSeconds"] = "3600", // write-back would only add HubSpot traffic to the measurement
        ["API_RATE_LIMIT_PER_MINUTE"] = "1000000", // one key asks for every contact's recommendations
    };

    public static async Task<QualityWorld> StartAsync(QualityRunOptions options, TimeProvider clock)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Seed = options.Seed,
            // Whole days back from the last midnight, on a clock that moves only when advanced: the same options
            // give the same market on every run.
            ClockStart = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(-options.Days - options.ReserveDays),
            ClockSpeed = 0,
            SimulateBehaviour = true,
            // The sandbox's rolling rate-limit windows run on this clock, which moves only when advanced: within one
            // simulated moment they would never roll. The server's own limiter still paces it on the real clock.
            Portals = [new SandboxPortalOptions { Accounts = options.Accounts, Seed = options.Seed, BurstLimit = 100_000_000, DailyLimit = 100_000_000_000 }],
        });
        return new QualityWorld(sandbox, options);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Sandbox.DisposeAsync();
    }
}
