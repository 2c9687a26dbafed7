using System.Globalization;

namespace Abm.HubSpot.Auth;

/// <summary>
/// The tokens of one OAuth installation. HubSpot access tokens live 30 minutes and may be up to 512
/// characters. <see cref="ToString"/> never shows the tokens, so logging this record leaks nothing.
/// </summary>
public sealed record OAuthTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"OAuthTokens {{ AccessToken = ***, RefreshToken = ***, ExpiresAt = {ExpiresAt.ToString("O", CultureInfo.InvariantCulture)} }}";
}
