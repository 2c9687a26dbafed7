namespace Abm.HubSpot.Sandbox.OAuth;

/// <summary>What an installation of the app in a portal was granted.</summary>
internal sealed record OAuthGrant(long PortalId, IReadOnlySet<string> Scopes, string UserEmail, long UserId);

internal sealed record OAuthCode(string Code, OAuthGrant Grant, string RedirectUri, DateTimeOffset ExpiresAt);

internal sealed record OAuthRefreshToken(string Token, OAuthGrant Grant, DateTimeOffset IssuedAt);

internal sealed record OAuthAccessToken(string Token, OAuthGrant Grant, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string RefreshToken);

/// <summary>All codes and tokens of the OAuth store at one moment.</summary>
internal sealed record OAuthTokens(IReadOnlyList<OAuthCode> Codes, IReadOnlyList<OAuthRefreshToken> RefreshTokens, IReadOnlyList<OAuthAccessToken> AccessTokens);
