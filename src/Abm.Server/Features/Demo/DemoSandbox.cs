using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Features.Demo;

/// <summary>
/// The built-in HubSpot sandbox the demo runs against, in this process on a loopback port: one seeded portal whose
/// buyers lived the last <see cref="DemoSettings.HistoryDays"/> days before it opens, kept in <c>sandbox.db</c> in the
/// demo folder so a restart resumes the same portal. Its clock runs at real speed until the server is connected to it
/// (see <see cref="DemoBootstrap"/>), then at the demo's speed until it has caught up with real time, never ahead of it.
/// </summary>
internal sealed class DemoSandbox : IAsyncDisposable
{
    private DemoSandbox(SandboxHost host) => Host = host;

    public SandboxHost Host { get; }

    public static async Task<DemoSandbox> StartAsync(DemoSettings settings, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var host = await SandboxHost.StartAsync(new SandboxOptions
        {
            Seed = settings.Seed,
            Portals = [new SandboxPortalOptions { Accounts = settings.Accounts, Tier = SandboxTier.Professional }],
            History = TimeSpan.FromDays(settings.HistoryDays),
            CatchUp = TimeSpan.FromHours(settings.CatchUpHours),
            ClockSpeed = 1,
            DataFile = Path.Combine(folder, "sandbox.db"),
        }, cancellationToken);
        // A restored clock comes back at the speed it was saved with: real time until the server listens to the buyers.
        // Not frozen: HubSpot's rate-limit windows roll on this clock, and the first sync needs them to.
        host.Clock.SetSpeed(1);
        return new DemoSandbox(host);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
