using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Abm.Server.Features.Connections;

/// <summary>
/// The <c>state</c> of an OAuth install: which workspace asked and who in it (for the audit log of the callback, which
/// the browser brings back with no key or session of ours), signed and encrypted with the server's key
/// ring and valid for <see cref="Lifetime"/>. A callback whose state was forged, altered, expired or minted
/// by another server is refused, so nobody can attach a portal to a workspace that did not ask.
/// </summary>
internal sealed class OAuthState(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Abm.HubSpot.OAuthState.v1").ToTimeLimitedDataProtector();

    public (string State, DateTimeOffset ExpiresAt) Issue(Guid workspaceId, string actor)
    {
        var expiresAt = clock.GetUtcNow().Add(Lifetime);
        // A random part makes every state unique, so two installs never share one.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        return (_protector.Protect($"{workspaceId:N}.{nonce}.{actor}", expiresAt), expiresAt);
    }

    /// <summary>The workspace and actor that issued <paramref name="state"/>, or null when it is not a valid, unexpired state of ours.</summary>
    public (Guid WorkspaceId, string Actor)? Verify(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(state, out var expiresAt);
            var parts = payload.Split('.', 3);
            return expiresAt > clock.GetUtcNow() && parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var workspaceId) ? (workspaceId, parts[2]) : null;
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
