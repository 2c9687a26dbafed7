namespace Abm.HubSpot.Auth;

/// <summary>
/// How the client proves who it is: a private app token (<see cref="PrivateApp"/>) or OAuth access tokens
/// with a refresh callback (<see cref="OAuth"/>). Tokens are sent only in the Authorization header and never logged.
/// </summary>
public abstract class HubSpotAuthentication
{
    private protected HubSpotAuthentication()
    {
    }

    internal abstract bool IsOAuth { get; }

    /// <summary>A private app's access token (<c>pat-...</c>); a 401 with it stops the call at once.</summary>
    public static HubSpotAuthentication PrivateApp(string accessToken) => new PrivateAppAuthentication(accessToken);

    /// <summary>
    /// OAuth tokens of one installation. <paramref name="refresh"/> exchanges the refresh token for new tokens
    /// (typically <see cref="HubSpotOAuthClient.RefreshAsync"/>) and is the place to persist what comes back.
    /// It is called ahead of expiry (<paramref name="refreshAhead"/>, 5 minutes by default) and at most once
    /// per call on a 401 <c>EXPIRED_AUTHENTICATION</c>.
    /// </summary>
    public static HubSpotAuthentication OAuth(
        OAuthTokens tokens,
        Func<OAuthTokens, CancellationToken, Task<OAuthTokens>> refresh,
        TimeSpan? refreshAhead = null) =>
        new OAuthAuthentication(tokens, refresh, refreshAhead ?? TimeSpan.FromMinutes(5));

    /// <summary>The token to send now, refreshed first when it is about to expire.</summary>
    internal abstract ValueTask<string> GetAccessTokenAsync(TimeProvider time, CancellationToken cancellationToken);

    /// <summary>HubSpot said <paramref name="rejectedToken"/> expired: refresh unless another call already did. False when refreshing is impossible.</summary>
    internal abstract ValueTask<bool> RefreshRejectedAsync(string rejectedToken, CancellationToken cancellationToken);
}
