using System.Security.Cryptography;
using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.HubSpot.Sandbox.OAuth;

/// <summary>Authorization codes, refresh tokens and access tokens of the sandbox's public app.</summary>
internal sealed class OAuthTokenStore(TimeProvider clock, SandboxOptions options)
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, OAuthCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OAuthRefreshToken> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OAuthAccessToken> _accessTokens = new(StringComparer.Ordinal);

    public string IssueCode(OAuthGrant grant, string redirectUri)
    {
        var code = new OAuthCode(NewToken("na1-", 24), grant, redirectUri, clock.GetUtcNow() + CodeLifetime);
        lock (_gate)
        {
            _codes[code.Code] = code;
        }

        return code.Code;
    }

    /// <summary>Codes are single use: a second redemption fails like an unknown code.</summary>
    public OAuthCode? RedeemCode(string code)
    {
        lock (_gate)
        {
            if (!_codes.Remove(code, out var found) || found.ExpiresAt <= clock.GetUtcNow())
            {
                return null;
            }

            return found;
        }
    }

    public OAuthAccessToken IssueTokens(OAuthGrant grant)
    {
        var refresh = new OAuthRefreshToken(NewToken("na1-", 32), grant, clock.GetUtcNow());
        lock (_gate)
        {
            _refreshTokens[refresh.Token] = refresh;
            return IssueAccessUnderLock(refresh);
        }
    }

    /// <summary>A new access token for a known refresh token; HubSpot returns the same refresh token.</summary>
    public OAuthAccessToken? Refresh(string refreshToken)
    {
        lock (_gate)
        {
            return _refreshTokens.TryGetValue(refreshToken, out var refresh) ? IssueAccessUnderLock(refresh) : null;
        }
    }

    public OAuthAccessToken? FindAccessToken(string token)
    {
        lock (_gate)
        {
            return _accessTokens.GetValueOrDefault(token);
        }
    }

    public OAuthRefreshToken? FindRefreshToken(string token)
    {
        lock (_gate)
        {
            return _refreshTokens.GetValueOrDefault(token);
        }
    }

    /// <summary>Deletes a refresh token and the access tokens minted from it (an uninstall).</summary>
    public bool Revoke(string refreshToken)
    {
        lock (_gate)
        {
            if (!_refreshTokens.Remove(refreshToken))
            {
                return false;
            }

            foreach (var access in _accessTokens.Values.Where(a => a.RefreshToken == refreshToken).ToList())
            {
                _accessTokens.Remove(access.Token);
            }

            return true;
        }
    }

    /// <summary>Everything issued and still held, for the data file.</summary>
    public OAuthTokens Export()
    {
        lock (_gate)
        {
            return new OAuthTokens([.. _codes.Values], [.. _refreshTokens.Values], [.. _accessTokens.Values]);
        }
    }

    /// <summary>Replaces everything held with what the data file had.</summary>
    public void Import(OAuthTokens tokens)
    {
        lock (_gate)
        {
            _codes.Clear();
            _refreshTokens.Clear();
            _accessTokens.Clear();
            tokens.Codes.ToList().ForEach(c => _codes[c.Code] = c);
            tokens.RefreshTokens.ToList().ForEach(r => _refreshTokens[r.Token] = r);
            tokens.AccessTokens.ToList().ForEach(a => _accessTokens[a.Token] = a);
        }
    }

    private OAuthAccessToken IssueAccessUnderLock(OAuthRefreshToken refresh)
    {
        var now = clock.GetUtcNow();
        // Real HubSpot access tokens are long opaque strings (clients must allow 512 characters).
        var access = new OAuthAccessToken(NewToken("C", 180), refresh.Grant, now, now + options.OAuthAccessTokenLifetime, refresh.Token);
        _accessTokens[access.Token] = access;
        return access;
    }

    private static string NewToken(string prefix, int bytes) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
