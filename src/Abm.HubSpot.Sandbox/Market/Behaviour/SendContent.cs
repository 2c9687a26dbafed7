using Abm.HubSpot.Sandbox.Email;
using Microsoft.AspNetCore.WebUtilities;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>The content item a transactional email carries, the link to it and ABM Engine's tracking token in that link.</summary>
internal sealed record SentContent(MarketContentItem Item, string Link, string? TrackingToken);

/// <summary>
/// Finds the item a transactional email is about, from its custom properties: <c>content_external_id</c> names
/// it by the catalogue's external id, or any custom property holds a link to its URL (query ignored). A link's
/// <c>abm_t</c> parameter is ABM Engine's per-contact tracking token; it may also come alone as <c>abm_t</c>.
/// </summary>
internal static class SendContent
{
    public const string ExternalIdProperty = "content_external_id";
    public const string TrackingParameter = "abm_t";

    public static SentContent? Read(TransactionalSend send, IReadOnlyList<MarketContentItem> catalogue)
    {
        var properties = send.CustomProperties;
        var links = properties.Values.OfType<string>().Where(v => v.StartsWith("http", StringComparison.OrdinalIgnoreCase)).ToList();
        var token = properties.GetValueOrDefault(TrackingParameter) ?? links.Select(TokenIn).FirstOrDefault(t => t is not null);
        if (properties.GetValueOrDefault(ExternalIdProperty) is { Length: > 0 } externalId
            && catalogue.FirstOrDefault(i => string.Equals(i.ExternalId, externalId, StringComparison.Ordinal)) is { } named)
        {
            var link = links.FirstOrDefault(l => SameTarget(l, named.Url)) ?? named.Url;
            return new SentContent(named, link, token);
        }

        foreach (var link in links)
        {
            if (catalogue.FirstOrDefault(i => SameTarget(link, i.Url)) is { } linked)
            {
                return new SentContent(linked, link, TokenIn(link) ?? token);
            }
        }

        return null;
    }

    private static bool SameTarget(string link, string url)
    {
        var path = link.Split('?', '#')[0].TrimEnd('/');
        return string.Equals(path, url, StringComparison.OrdinalIgnoreCase);
    }

    private static string? TokenIn(string link)
    {
        var query = link.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        var end = link.IndexOf('#', query);
        var parameters = QueryHelpers.ParseQuery(end < 0 ? link[query..] : link[query..end]);
        return parameters.TryGetValue(TrackingParameter, out var value) && value.ToString() is { Length: > 0 } token ? token : null;
    }
}
