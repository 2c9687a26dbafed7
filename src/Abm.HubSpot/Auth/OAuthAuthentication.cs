namespace Abm.HubSpot.Auth;

/// <summary>OAuth access tokens refreshed ahead of expiry, and once on a rejected expired token; one refresh at a time.</summary>
internal sealed class OAuthAuthentication(
    OAuthTokens tokens,
    Func<OAuthTokens, CancellationToken, Task<OAuthTokens>> refresh,
    TimeSpan refreshAhead) : HubSpotAuthentication
{
    private readonly Lock _gate = new();
    private OAuthTokens _current = tokens ?? throw new ArgumentNullException(nameof(tokens));
    private Task<OAuthTokens>? _refreshing;

    internal override bool IsOAuth => true;

    internal override async ValueTask<string> GetAccessTokenAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        OAuthTokens current;
        lock (_gate)
        {
            current = _current;
        }

        if (time.GetUtcNow() < current.ExpiresAt - refreshAhead)
        {
            return current.AccessToken;
        }

        return (await RefreshIfStillCurrentAsync(current.AccessToken, cancellationToken)).AccessToken;
    }

    internal override async ValueTask<bool> RefreshRejectedAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        await RefreshIfStillCurrentAsync(rejectedToken, cancellationToken);
        return true;
    }

    // Concurrent calls that find the same stale token share one refresh instead of each starting their own.
    private Task<OAuthTokens> RefreshIfStillCurrentAsync(string staleAccessToken, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!string.Equals(_current.AccessToken, staleAccessToken, StringComparison.Ordinal))
            {
                return Task.FromResult(_current);
            }

            if (_refreshing is not { IsCompleted: false })
            {
                _refreshing = RefreshAsync(_current, cancellationToken);
            }

            return _refreshing;
        }
    }

    private async Task<OAuthTokens> RefreshAsync(OAuthTokens stale, CancellationToken cancellationToken)
    {
        var refreshed = await refresh(stale, cancellationToken);
        lock (_gate)
        {
            _current = refreshed;
        }

        return refreshed;
    }

    public override string ToString() => "OAuth tokens";
}
