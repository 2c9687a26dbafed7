using Abm.HubSpot.Sandbox.Clock;
using Abm.HubSpot.Sandbox.Persistence;
using Abm.HubSpot.Sandbox.Portals;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>A running sandbox: a local HubSpot API on loopback with its portals, app credentials and clock.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DeveloperApp _developerApp;
    private readonly PortalRegistry _portals;

    private SandboxHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        _developerApp = app.Services.GetRequiredService<DeveloperApp>();
        _portals = app.Services.GetRequiredService<PortalRegistry>();
        Clock = app.Services.GetRequiredService<SimulatedClock>();
    }

    /// <summary>Where the sandbox listens, without a trailing slash (use it as the client's base path).</summary>
    public string BaseUrl { get; }

    public IReadOnlyList<SandboxPortalInfo> Portals => _portals.All.Select(p => p.ToInfo()).ToList();

    public string ClientId => _developerApp.ClientId;

    public string ClientSecret => _developerApp.ClientSecret;

    public long AppId => _developerApp.AppId;

    public string DeveloperApiKey => _developerApp.DeveloperApiKey;

    /// <summary>The simulated clock every sandbox behaviour runs on.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>The sandbox's services, for tests that check its inner state.</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>
    /// Saves to the data file now, as the periodic save would (only what changed since the last save), and says what it
    /// wrote; fails when the sandbox runs without a data file.
    /// </summary>
    public DataFileSave SaveDataFile() =>
        (_app.Services.GetService<DataFileWorker>() ?? throw new InvalidOperationException("The sandbox runs without a data file.")).Save(portalsToo: true);

    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = SandboxApplication.Build(options);
        await app.StartAsync(cancellationToken);
        HistoryLiving.LiveUpToNow(options, app.Services.GetRequiredService<SimulatedClock>(), app.Services.GetRequiredService<PortalRegistry>(),
            app.Services.GetRequiredService<Market.Behaviour.BehaviourEngine>());
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, address.TrimEnd('/'));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
