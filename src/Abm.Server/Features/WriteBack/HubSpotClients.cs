using System.Collections.Concurrent;
using Abm.HubSpot;
using Abm.HubSpot.Auth;
using Abm.Server.Features.Workspaces;

namespace Abm.Server.Features.WriteBack;

/// <summary>
/// One HubSpot client per connected workspace, kept for the life of the process: the client holds the
/// portal's rate limiter, so every caller of a portal must share it.
/// </summary>
internal sealed class HubSpotClients(IConfiguration configuration, DefaultWorkspace defaultWorkspace, TimeProvider clock, ILoggerFactory loggers) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, HubSpotClient> _clients = new();
    // Read when the worker starts, so a bad HUBSPOT_* setting stops the server at start with its name.
    private readonly HubSpotConnectionSettings? _environmentConnection = HubSpotConnectionSettings.FromConfiguration(configuration);

    /// <summary>The workspaces that have a connection, with their clients.</summary>
    public IEnumerable<(Guid WorkspaceId, HubSpotClient Client)> Connected()
    {
        if (For(defaultWorkspace.Id) is { } client)
        {
            yield return (defaultWorkspace.Id, client);
        }
    }

    public HubSpotClient? For(Guid workspaceId)
    {
        if (workspaceId != defaultWorkspace.Id || _environmentConnection is not { } settings)
        {
            return null;
        }

        return _clients.GetOrAdd(workspaceId, _ => Create(settings, configuration, clock, loggers));
    }

    /// <summary>A client for one connection; callers that outlive a request must keep and share it (it holds the limiter).</summary>
    public static HubSpotClient Create(HubSpotConnectionSettings settings, IConfiguration configuration, TimeProvider clock, ILoggerFactory loggers)
    {
        var options = new HubSpotClientOptions { BaseUrl = settings.BaseUrl, RateLimits = { Tier = settings.Tier } };
        // Operators can tune how hard the client retries (HubSpot:Retries:MaxRetryAttempts, ...:TotalTimeout).
        configuration.GetSection("HubSpot:Retries").Bind(options.Retries);
        return new HubSpotClient(new HttpClient { Timeout = TimeSpan.FromMinutes(5) }, HubSpotAuthentication.PrivateApp(settings.AccessToken),
            options, clock, loggers.CreateLogger<HubSpotClient>());
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
