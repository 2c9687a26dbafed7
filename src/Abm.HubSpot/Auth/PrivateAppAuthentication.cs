namespace Abm.HubSpot.Auth;

/// <summary>A private app token: static, never refreshed.</summary>
internal sealed class PrivateAppAuthentication : HubSpotAuthentication
{
    private readonly string _accessToken;

    public PrivateAppAuthentication(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _accessToken = accessToken;
    }

    internal override bool IsOAuth => false;

    internal override ValueTask<string> GetAccessTokenAsync(TimeProvider time, CancellationToken cancellationToken) => ValueTask.FromResult(_accessToken);

    internal override ValueTask<bool> RefreshRejectedAsync(string rejectedToken, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public override string ToString() => "private app token";
}
