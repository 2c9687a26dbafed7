using System.Security.Cryptography;
using System.Text;
using Abm.HubSpot.Webhooks;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// What identifies one signed request, and how long it has to be remembered. A v3 signature covers its
/// timestamp, so a replay carries the same signature until the timestamp is too old to pass the check; v1 and
/// v2 carry no timestamp, so they are remembered for the same window from receipt (older replays of those
/// versions cannot be told apart, which is why only v3 is accepted by default).
/// </summary>
internal sealed record WebhookReplayKey(byte[] Hash, DateTime ExpiresAt)
{
    /// <summary>The key of a request whose signature was found valid.</summary>
    public static WebhookReplayKey Of(HttpRequest request, DateTimeOffset now)
    {
        var headers = request.Headers;
        if (headers["X-HubSpot-Signature-v3"].ToString() is { Length: > 0 } v3
            && WebhookSignature.TryParseTimestamp(headers["X-HubSpot-Request-Timestamp"].ToString(), out var timestamp))
        {
            return new WebhookReplayKey(Digest("v3", v3), (timestamp + WebhookSignatureCheck.MaxAge).UtcDateTime);
        }

        var version = headers["X-HubSpot-Signature-Version"].ToString() is { Length: > 0 } named ? named.ToLowerInvariant() : "v1";
        return new WebhookReplayKey(Digest(version, headers["X-HubSpot-Signature"].ToString()), (now + WebhookSignatureCheck.MaxAge).UtcDateTime);
    }

    private static byte[] Digest(string version, string signature) => SHA256.HashData(Encoding.UTF8.GetBytes($"{version}:{signature}"));
}
