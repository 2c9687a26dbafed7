using System.Collections.Concurrent;
using Abm.HubSpot;
using Abm.HubSpot.Auth;
using Abm.Server.Features.Observability;
using Abm.Server.Features.Workspaces;

namespace Abm.Server.Features.Connections;

/// <summary>
/// One HubSpot client per connected workspace, kept for the life of the process: the client holds the
/// portal's rate limiter, so every caller of a portal must share it. All of them send through the one
/// shared <see cref="HubSpotHttp"/> connection pool. The default workspace uses the
/// environment's private-app token when one is set; every other connection is read from the database.
/// </summary>
internal sealed partial class HubSpotClients(
    IConfiguration configuration, DefaultWorkspace defaultWorkspace, HubSpotHttp http, IServiceScopeFactory scopes, AbmMetrics metrics, TimeProvider clock, ILoggerFactory loggers)
    : IDisposable
{
    private readonly ConcurrentDictionary<Guid, HubSpotClient> _clients = new();
    private readonly ConcurrentBag<HubSpotClient> _retired = [];
    private readonly ILogger _logger = loggers.CreateLogger<HubSpotClients>();
    private HubSpotOAuthClient? _oauth;

    // Read when first needed (at start), so a bad HUBSPOT_* setting stops the server with its name.
    public HubSpotConnectionSettings Settings { get; } = HubSpotConnectionSettings.FromConfiguration(configuration);

    public HubSpotAppSettings App { get; } = HubSpotAppSettings.FromConfiguration(configuration);

    /// <summary>True when the default workspace's connection comes from HUBSPOT_API_KEY rather than storage.</summary>
    public bool UsesEnvironmentConnection(Guid workspaceId) => workspaceId == defaultWorkspace.Id && Settings.AccessToken is not null;

    /// <summary>
    /// The workspaces that have a usable connection, with their clients. A workspace whose client cannot be
    /// built (its stored token does not decrypt with this key ring, say) is logged and left out, so the
    /// others are still served.
    /// </summary>
    public async Task<IReadOnlyList<(Guid WorkspaceId, HubSpotClient Client)>> ConnectedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ConnectionStore>().ConnectedWorkspacesAsync(cancellationToken);
        var connected = new List<(Guid, HubSpotClient)>();
        foreach (var workspaceId in stored.Append(defaultWorkspace.Id).Distinct())
        {
            try
            {
                if (await GetAsync(workspaceId, cancellationToken) is { } client)
                {
                    connected.Add((workspaceId, client));
                }
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                LogUnusable(workspaceId, error);
            }
        }

        return connected;
    }

    /// <summary>The workspace's client, or null when it has no usable connection.</summary>
    public async Task<HubSpotClient?> GetAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        if (_clients.TryGetValue(workspaceId, out var cached))
        {
            return cached;
        }

        var created = UsesEnvironmentConnection(workspaceId)
            ? Create(HubSpotAuthentication.PrivateApp(Settings.AccessToken!))
            : await CreateFromStorageAsync(workspaceId, cancellationToken);
        if (created is null)
        {
            return null;
        }

        if (_clients.TryAdd(workspaceId, created))
        {
            return created;
        }

        created.Dispose();
        return _clients[workspaceId];
    }

    /// <summary>Forgets the workspace's client after its connection changed; the next caller builds a new one.</summary>
    public void Forget(Guid workspaceId)
    {
        // Calls in flight may still hold the old client, so it is disposed with the others at shutdown.
        if (_clients.TryRemove(workspaceId, out var old))
        {
            _retired.Add(old);
        }
    }

    /// <summary>A client with the given credentials, the configured base URL, tier and retry settings.</summary>
    public HubSpotClient Create(HubSpotAuthentication authentication)
    {
        var options = new HubSpotClientOptions { BaseUrl = Settings.BaseUrl, RateLimits = { Tier = Settings.Tier }, Meter = metrics.HubSpotMeter };
        // Operators can tune how hard the client retries (HubSpot:Retries:MaxRetryAttempts, ...:TotalTimeout).
        configuration.GetSection("HubSpot:Retries").Bind(options.Retries);
        return new HubSpotClient(http.Client, authentication, options, clock, loggers.CreateLogger<HubSpotClient>());
    }

    /// <summary>The OAuth token endpoint of the configured app; null when no app is configured.</summary>
    public HubSpotOAuthClient? OAuthClient() =>
        _oauth ??= App.ClientId is { } id && App.ClientSecret is { } secret
            ? new HubSpotOAuthClient(http.Client, id, secret, Settings.BaseUrl, clock)
            : null;

    /// <summary>What HubSpot says of a private app token (portal, scopes), or null when it would not say.</summary>
    public async Task<PrivateAppTokenDetails?> PrivateAppDetailsAsync(string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            return await PrivateAppTokenInfo.ReadAsync(http.Client, Settings.BaseUrl, accessToken, cancellationToken);
        }
        catch (HubSpotApiException)
        {
            return null; // the token itself was proven by a read; scopes are shown as unknown
        }
    }

    /// <summary>
    /// Refreshes the workspace's OAuth access token now, through the same path as a refresh ahead of expiry, and forgets the
    /// cached client so the next call uses the new tokens. Throws as that path does: revoked grant, HubSpot unreachable.
    /// </summary>
    public async Task RefreshNowAsync(Guid workspaceId, OAuthTokens stored, CancellationToken cancellationToken)
    {
        await RefreshAsync(workspaceId, stored, cancellationToken);
        Forget(workspaceId);
    }

    private async Task<HubSpotClient?> CreateFromStorageAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ConnectionStore>();
        var connection = await store.FindAsync(workspaceId, cancellationToken);
        if (connection is not { Status: ConnectionStore.Connected } || store.AccessTokenOf(connection) is not { } accessToken)
        {
            return null;
        }

        if (connection.AuthKind == ConnectionStore.PrivateApp)
        {
            return Create(HubSpotAuthentication.PrivateApp(accessToken));
        }

        var tokens = new OAuthTokens(accessToken, store.RefreshTokenOf(connection) ?? "", connection.AccessTokenExpiresAt is { } expires
            ? new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) : DateTimeOffset.MinValue);
        return Create(HubSpotAuthentication.OAuth(tokens, (stale, ct) => RefreshAsync(workspaceId, stale, ct)));
    }

    // Runs when the client finds its access token about to expire (or rejected as expired).
    private async Task<OAuthTokens> RefreshAsync(Guid workspaceId, OAuthTokens stale, CancellationToken cancellationToken)
    {
        var oauth = OAuthClient() ?? throw new HubSpotAuthenticationException(
            "HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET are not set, so the OAuth connection cannot refresh its token.");
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ConnectionStore>();
        try
        {
            var fresh = await oauth.RefreshAsync(stale.RefreshToken, cancellationToken);
            await store.SaveRefreshedAsync(workspaceId, fresh, cancellationToken);
            LogRefreshed(workspaceId, fresh.ExpiresAt);
            return fresh;
        }
        catch (HubSpotAuthorizationRevokedException)
        {
            await store.DisconnectAsync(workspaceId, "HubSpot refused the refresh token (invalid_grant): the app was uninstalled or access revoked. Reconnect the portal.", CancellationToken.None);
            Forget(workspaceId);
            LogRevoked(workspaceId);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The HubSpot connection of workspace {WorkspaceId} cannot be used (is the Data Protection key ring the one its tokens were stored with?); the workspace is skipped until it can")]
    private partial void LogUnusable(Guid workspaceId, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed the HubSpot OAuth token of workspace {WorkspaceId}; it expires at {ExpiresAt}")]
    private partial void LogRefreshed(Guid workspaceId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HubSpot revoked the OAuth grant of workspace {WorkspaceId}; its connection is now disconnected")]
    private partial void LogRevoked(Guid workspaceId);

    public void Dispose()
    {
        foreach (var client in _clients.Values.Concat(_retired))
        {
            client.Dispose();
        }
    }
}
