using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Tracking;

internal readonly record struct TrackedContact(Guid WorkspaceId, string ContactHubSpotId);

/// <summary>
/// Signed, expiring per-contact tokens for links in nurture emails. The token names the workspace and the
/// contact's HubSpot id; it is encrypted and authenticated by Data Protection, so it can be neither read
/// nor forged, and it stops working after its lifetime.
/// </summary>
internal sealed class TrackingTokens(IDataProtectionProvider provider, IOptions<TrackingOptions> options, TimeProvider clock)
{
    // The expiry travels inside the protected payload and is checked against the injected clock, so the
    // lifetime is testable and does not depend on the machine clock.
    private readonly IDataProtector _protector = provider.CreateProtector("abm.tracking.contact.v1");

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid workspaceId, string contactHubSpotId)
    {
        var expiresAt = clock.GetUtcNow().AddDays(options.Value.TokenLifetimeDays);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{workspaceId:N}:{expiresAt.ToUnixTimeSeconds()}:{contactHubSpotId}");
        return (_protector.Protect(payload), expiresAt);
    }

    public bool TryRead(string? token, out TrackedContact contact) => TryReadAt(token, clock.GetUtcNow(), out contact);

    /// <summary>
    /// Reads a token as it stood at <paramref name="at"/>: an imported page view carried a token that was valid when
    /// the page was viewed, though it may have expired since.
    /// </summary>
    public bool TryReadAt(string? token, DateTimeOffset at, out TrackedContact contact)
    {
        contact = default;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split(':', 3);
            if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var workspaceId) ||
                !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt) ||
                DateTimeOffset.FromUnixTimeSeconds(expiresAt) < at)
            {
                return false;
            }

            contact = new TrackedContact(workspaceId, parts[2]);
            return true;
        }
        catch (CryptographicException)
        {
            return false; // tampered with, or issued under another key ring
        }
    }
}
