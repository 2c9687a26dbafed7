using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Email;

internal sealed record SentBy(string Id, long Created);

internal sealed record EmailEventResponse(string Id, long Created, string Type, string Recipient, long PortalId, long AppId, long EmailCampaignId, SentBy SentBy, string? Url);

/// <summary>GET /email/public/v1/events: events filtered by type, time and recipient, paged with <c>offset</c> + <c>hasMore</c>.</summary>
internal static class EmailEventHandlers
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static IResult List(HttpContext http, DeveloperApp app)
    {
        var query = http.Request.Query;
        var type = query["eventType"].ToString();
        var start = long.TryParse(query["startTimestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : long.MinValue;
        var end = long.TryParse(query["endTimestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : long.MaxValue;
        var recipient = query["recipient"].ToString();
        var campaignId = long.TryParse(query["campaignId"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : (long?)null;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, MaxLimit) : DefaultLimit;
        var offset = int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var portal = Caller.Of(http).Portal;
        return portal.Read(state =>
        {
            var matching = state.EmailEvents.Where(ev =>
                (type.Length == 0 || string.Equals(ev.Type, type, StringComparison.OrdinalIgnoreCase))
                && ev.Created.ToUnixTimeMilliseconds() >= start && ev.Created.ToUnixTimeMilliseconds() <= end
                && (recipient.Length == 0 || string.Equals(ev.Recipient, recipient, StringComparison.OrdinalIgnoreCase))
                && (campaignId is null || ev.EmailCampaignId == campaignId)).ToList();
            var page = matching.Skip(offset).Take(limit).Select(ev => new EmailEventResponse(
                ev.Id, ev.Created.ToUnixTimeMilliseconds(), ev.Type, ev.Recipient, portal.PortalId, app.AppId, ev.EmailCampaignId,
                new SentBy(ev.Id, ev.Created.ToUnixTimeMilliseconds()), ev.Url)).ToList();
            var next = offset + page.Count;
            return SandboxJson.Json(new { hasMore = next < matching.Count, offset = next.ToString(CultureInfo.InvariantCulture), events = page });
        });
    }
}
