using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Email;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Market.Behaviour;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.MarketingEmails;

/// <summary>
/// Marketing emails v3 (read only: the seeded templates) and the marketing single-send v4. A single send behaves as
/// the transactional one (recorded, SENT/DELIVERED events, a buyer may react) with HubSpot's refusals: an unknown
/// <c>emailId</c> is a 404, and a recipient who opted out of email is not sent to, the status saying
/// PREVIOUSLY_UNSUBSCRIBED_PORTAL.
/// </summary>
internal static class MarketingEmailHandlers
{
    public const string UnsubscribedResult = "PREVIOUSLY_UNSUBSCRIBED_PORTAL";

    public static IResult List(HttpContext http)
    {
        var (limit, offset) = OffsetPaging.Read(http.Request, 10, 100);
        return Caller.Of(http).Portal.Read(state =>
        {
            var emails = MarketingEmailCatalogue.Emails;
            var page = emails.Skip(offset).Take(limit).Select(e => Response(state, e)).ToList();
            return SandboxJson.Json(new { total = emails.Count, results = page, paging = OffsetPaging.Next(offset, page.Count, emails.Count) });
        });
    }

    public static IResult Get(string emailId, HttpContext http) =>
        Caller.Of(http).Portal.Read(state => MarketingEmailCatalogue.Find(emailId) is { } email
            ? SandboxJson.Json(Response(state, email))
            : HubSpotErrors.NotFound($"Marketing email {emailId} does not exist"));

    public static async Task<IResult> SendAsync(HttpContext http, RecordWriter writer, BehaviourEngine behaviour, CancellationToken cancellationToken)
    {
        var (request, error) = await SingleSendRequest.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return error!;
        }

        if (MarketingEmailCatalogue.Find(request.EmailId) is null)
        {
            return HubSpotErrors.NotFound($"Email {request.EmailId} does not exist");
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            if (request.Repeat(context.State.MarketingSends) is { } repeat)
            {
                return repeat;
            }

            if (SubscriptionStatusHandlers.OptedOut(context.State, request.To))
            {
                var now = HubSpotTime.Format(context.Now);
                return SandboxJson.Json(new SendStatus(Guid.NewGuid().ToString(), "COMPLETE", now, UnsubscribedResult, now, now));
            }

            return request.Accept(context, context.State.MarketingSends, behaviour);
        });
    }

    private static object Response(PortalState state, SeededMarketingEmail email) => new
    {
        id = email.Id.ToString(CultureInfo.InvariantCulture),
        name = email.Name,
        subject = email.Subject,
        state = email.State,
        type = "BATCH_EMAIL",
        campaign = state.Campaigns.Values.FirstOrDefault(c => c.Assets.Contains(new("MARKETING_EMAIL", email.Id.ToString(CultureInfo.InvariantCulture))))?.Id,
        primaryEmailCampaignId = email.Id,
        allEmailCampaignIds = new[] { email.Id },
        archived = false,
        createdAt = HubSpotTime.Format(state.SeededAt),
        updatedAt = HubSpotTime.Format(state.SeededAt),
    };
}
