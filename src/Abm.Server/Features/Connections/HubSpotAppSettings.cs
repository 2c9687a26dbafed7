namespace Abm.Server.Features.Connections;

/// <summary>
/// The public HubSpot app that workspaces install through OAuth: its client id and secret (also the webhook
/// signing secret), the address HubSpot sends browsers back to, and the scopes it asks for.
/// </summary>
internal sealed class HubSpotAppSettings
{
    /// <summary>What ABM Engine needs from a portal: read and write CRM objects and properties, owners, emails, form submissions, list membership, subscription status.</summary>
    public const string DefaultScopes =
        "crm.objects.contacts.read crm.objects.contacts.write crm.objects.companies.read crm.objects.companies.write " +
        "crm.objects.deals.read crm.objects.deals.write crm.schemas.contacts.write crm.schemas.companies.write " +
        "crm.objects.owners.read transactional-email content forms oauth crm.lists.read crm.lists.write communication_preferences.read";

    public const string CallbackPath = "/oauth/hubspot/callback";

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>The address HubSpot and browsers reach this server at (PUBLIC_BASE_URL).</summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>HubSpot's consent page; the sandbox serves its own.</summary>
    public required Uri AuthorizeUrl { get; init; }

    public required string Scopes { get; init; }

    public bool CanInstall => ClientId is not null && ClientSecret is not null && PublicBaseUrl is not null;

    public Uri RedirectUri => new(PublicBaseUrl ?? throw new InvalidOperationException("PUBLIC_BASE_URL is not set."), CallbackPath);

    public static HubSpotAppSettings FromConfiguration(IConfiguration configuration)
    {
        static string? Value(IConfiguration c, string key) => c[key] is { Length: > 0 } v ? v.Trim() : null;
        return new HubSpotAppSettings
        {
            ClientId = Value(configuration, "HUBSPOT_CLIENT_ID"),
            ClientSecret = Value(configuration, "HUBSPOT_CLIENT_SECRET"),
            PublicBaseUrl = Value(configuration, "PUBLIC_BASE_URL") is { } url ? AbsoluteUrl("PUBLIC_BASE_URL", url) : null,
            AuthorizeUrl = AbsoluteUrl("HUBSPOT_AUTHORIZE_URL", Value(configuration, "HUBSPOT_AUTHORIZE_URL") ?? "https://app.hubspot.com/oauth/authorize"),
            Scopes = Value(configuration, "HUBSPOT_OAUTH_SCOPES") ?? DefaultScopes,
        };
    }

    private static Uri AbsoluteUrl(string key, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new Configuration.ConfigurationException($"{key} '{value}' is not an http(s) URL.");

    /// <summary>The secret is never printed.</summary>
    public override string ToString() => $"HubSpot app {ClientId ?? "(none)"}";
}
