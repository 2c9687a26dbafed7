namespace Abm.Server.Features.Connections;

/// <summary>
/// The one HTTP client every HubSpot client of the process shares, whatever the workspace: requests carry
/// their own token, so sharing is safe, and one connection pool serves every portal instead of one pool per
/// workspace that is never released. Pooled connections are replaced every few minutes so a change of
/// HubSpot's DNS is seen. Owned here and disposed with the host.
/// </summary>
internal sealed class HubSpotHttp : IDisposable
{
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly SocketsHttpHandler _handler = new()
    {
        PooledConnectionLifetime = ConnectionLifetime,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    };

    public HubSpotHttp()
    {
        // The HubSpot client sets a timeout per attempt and per call itself; this only bounds a call that hangs past both.
        Client = new HttpClient(_handler, disposeHandler: false) { Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }
}
