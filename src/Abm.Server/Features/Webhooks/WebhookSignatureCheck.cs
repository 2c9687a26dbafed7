using Abm.HubSpot.Webhooks;
using Microsoft.AspNetCore.Http.Features;
using Abm.Server.Features.Connections;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Webhooks;

internal enum SignatureVerdict { Valid, NotConfigured, Unsigned, VersionNotAccepted, Forged, Stale }

/// <summary>
/// Decides whether a webhook request really comes from HubSpot: v3 (signed with a timestamp) when present,
/// else v1 or v2 if the configuration accepts them. The signature is checked before the timestamp, so a
/// "stale" verdict in the log always means a genuine but old (replayed or long-delayed) request.
/// </summary>
internal sealed class WebhookSignatureCheck(HubSpotClients clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    /// <summary>HubSpot's own bound on a v3 request's age; older ones may be replays.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly IReadOnlySet<string> _accepted = options.Value.AcceptedVersions();

    public SignatureVerdict Check(HttpRequest request, byte[] body)
    {
        // The app's client secret (HUBSPOT_CLIENT_SECRET) signs every webhook; without it nothing can be trusted.
        if (clients.App.ClientSecret is not { } secret)
        {
            return SignatureVerdict.NotConfigured;
        }

        var headers = request.Headers;
        if (headers["X-HubSpot-Signature-v3"].ToString() is { Length: > 0 } v3)
        {
            return _accepted.Contains("v3") ? CheckV3(secret, request, body, v3) : SignatureVerdict.VersionNotAccepted;
        }

        if (headers["X-HubSpot-Signature"].ToString() is not { Length: > 0 } legacy)
        {
            return SignatureVerdict.Unsigned;
        }

        var version = headers["X-HubSpot-Signature-Version"].ToString() is { Length: > 0 } named ? named.ToLowerInvariant() : "v1";
        if (version is not ("v1" or "v2") || !_accepted.Contains(version))
        {
            return SignatureVerdict.VersionNotAccepted;
        }

        var expected = version == "v1"
            ? WebhookSignature.V1(secret, body)
            : WebhookSignature.V2(secret, request.Method, CalledUri(request), body);
        return WebhookSignature.Matches(expected, legacy) ? SignatureVerdict.Valid : SignatureVerdict.Forged;
    }

    private SignatureVerdict CheckV3(string secret, HttpRequest request, byte[] body, string signature)
    {
        var timestampHeader = request.Headers["X-HubSpot-Request-Timestamp"].ToString();
        if (!WebhookSignature.TryParseTimestamp(timestampHeader, out var timestamp))
        {
            return SignatureVerdict.Forged;
        }

        if (!WebhookSignature.Matches(WebhookSignature.V3(secret, request.Method, CalledUri(request), body, timestampHeader), signature))
        {
            return SignatureVerdict.Forged;
        }

        // A timestamp far ahead of our clock cannot be a fresh HubSpot request either; it would stay "fresh" for too long.
        var age = clock.GetUtcNow() - timestamp;
        return age > MaxAge || age < -MaxAge ? SignatureVerdict.Stale : SignatureVerdict.Valid;
    }

    /// <summary>
    /// The URI HubSpot called: the origin of PUBLIC_BASE_URL (behind a proxy the request's own host differs
    /// from it), or the request's own origin when it is not set, then the path and query as sent.
    /// </summary>
    private string CalledUri(HttpRequest request)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/'
            ? raw
            : (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        var origin = clients.App.PublicBaseUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Authority)
            : $"{request.Scheme}://{request.Host.ToUriComponent()}";
        return origin + target;
    }
}
