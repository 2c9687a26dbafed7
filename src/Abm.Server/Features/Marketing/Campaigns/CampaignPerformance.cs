using System.Globalization;
using System.Security.Claims;
using Abm.Data;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Marketing.Email;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Marketing.Campaigns;

/// <summary>
/// A campaign's results over its window, from the local copy (HubSpot is asked only for the campaign and its marketing
/// emails). Sends: recipients ABM Engine sent the campaign's emails to. Opens, clicks: the email events the sync
/// stored for those emails (whoever sent them) in the window. Influenced contacts: contacts with at least one such open
/// or click. Influenced deals: deals associated with an influenced contact, or with an influenced contact's company,
/// that were created or closed in the window.
/// </summary>
internal static class CampaignPerformance
{
    public static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, HubSpotClients clients, AbmDbContext database, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            return CampaignHandlers.MalformedId(id);
        }

        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            if (await client.Campaigns.GetAsync(id, cancellationToken) is not { } campaign)
            {
                return CampaignHandlers.Unknown(id);
            }

            var view = CampaignView.Of(campaign);
            var from = view.StartDate ?? DateOnly.FromDateTime((campaign.CreatedAt ?? clock.GetUtcNow()).UtcDateTime);
            var to = view.EndDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var (start, end) = (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            var emails = await client.Campaigns.AssetsAsync(id, "MARKETING_EMAIL", cancellationToken);
            var emailIds = emails.Select(e => e.Id).ToList();
            var campaignIds = new HashSet<long>();
            foreach (var email in emails)
            {
                campaignIds.UnionWith((await client.MarketingEmails.GetAsync(email.Id, cancellationToken))?.EmailCampaignIds ?? []);
            }

            var sends = await database.MarketingEmailRecipients.CountAsync(
                r => r.Outcome == RecipientOutcome.Sent && r.SentAt >= start && r.SentAt < end
                    && database.MarketingEmailSends.Any(s => s.Id == r.SendId && emailIds.Contains(s.EmailId)), cancellationToken);
            var events = (await MarketingEmailEvents.ReadAsync(database, campaignIds, start, null, cancellationToken)).Where(e => e.OccurredAt < end).ToList();
            var opened = events.Where(e => e.Type == MarketingEmailEvents.Open).Select(e => e.ContactId).ToHashSet();
            var clicked = events.Where(e => e.Type == MarketingEmailEvents.Click).Select(e => e.ContactId).ToHashSet();
            var influenced = opened.Union(clicked).ToList();
            var deals = await InfluencedDealsAsync(database, influenced, start, end, cancellationToken);
            return TypedResults.Ok(new CampaignPerformanceView(
                id, from, to, emailIds, sends, events.Count(e => e.Type == MarketingEmailEvents.Open), events.Count(e => e.Type == MarketingEmailEvents.Click),
                opened.Count, clicked.Count, influenced.Count, deals.Count, deals.Sum(d => d.Amount ?? 0), [.. deals.Select(d => d.Id).Take(100)]));
        }, cancellationToken);
    }

    private static async Task<List<Abm.Data.Entities.Deal>> InfluencedDealsAsync(
        AbmDbContext database, List<Guid> contacts, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        if (contacts.Count == 0)
        {
            return [];
        }

        var companies = await database.Contacts.Where(c => contacts.Contains(c.Id) && c.CompanyId != null).Select(c => c.CompanyId!.Value).Distinct().ToListAsync(cancellationToken);
        var candidates = await database.Deals.AsNoTracking()
            .Where(d => d.ArchivedAt == null
                && ((d.CompanyId != null && companies.Contains(d.CompanyId.Value)) || database.DealContacts.Any(dc => dc.DealId == d.Id && contacts.Contains(dc.ContactId))))
            .ToListAsync(cancellationToken);
        return [.. candidates.Where(d => In(CreatedAt(d), start, end) || In(d.CloseDate, start, end)).OrderBy(d => d.Id)];
    }

    // HubSpot's createdate when the sync kept it; the local row's creation otherwise.
    private static DateTime CreatedAt(Abm.Data.Entities.Deal deal) =>
        DateTime.TryParse(StoredProperties.Get(deal.Properties, "createdate"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created)
            ? created : deal.CreatedAt;

    private static bool In(DateTime? time, DateTime start, DateTime end) => time >= start && time < end;
}
