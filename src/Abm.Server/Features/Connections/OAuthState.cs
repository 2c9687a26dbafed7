using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Abm.Server.Features.Connections;

/// <summary>
/// The <c>state</c> of an OAuth install: which workspace asked, signed and encrypted with the server's key
/// ring and valid for <see cref="Lifetime"/>. A callback whose state was forged, altered, expired or minted
/// by another server is refused, so nobody can attach a portal to a workspace that did not ask.
/// </summary>
internal sealed class OAuthState(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Abm.HubSpot.OAuthState.v1").ToTimeLimitedDataProtector();

    public (string State, DateTimeOffset ExpiresAt) Issue(Guid workspaceId)
    {
        var expiresAt = clock.GetUtcNow().Add(Lifetime);
        // A random part makes every state unique, so two installs never share one.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        return (_protector.Protect($"{workspaceId:N}.{nonce}", expiresAt), expiresAt);
    }

    /// <summary>The workspace that issued <paramref name="state"/>, or null when it is not a valid, unexpired state of ours.</summary>
    public Guid? Verify(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(state, out var expiresAt);
            return expiresAt > clock.GetUtcNow() && Guid.TryParseExact(payload.Split('.')[0], "N", out var workspaceId) ? workspaceId : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
