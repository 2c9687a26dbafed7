using Abm.Data;
using Abm.Engines.Analytics;
using Abm.Server.Features.Marketing.Email;
using Abm.Server.Features.Nurture.Execution;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Analytics;

/// <summary>
/// Email performance by period from the local copy: sends are the nurture content emails and the marketing single
/// sends made through ABM Engine (one per recipient sent), opens and clicks the stored <c>email_open</c> and
/// <c>email_click</c> events. Counted per day in the database, summed into periods here. The answer covers the
/// workspace, not one campaign.
/// </summary>
internal sealed class CampaignAnalyticsQuery(AbmDbContext database, CopyFreshness freshness)
{
    private const string Open = "email_open";
    private const string Click = "email_click";

    public async Task<CampaignAnalyticsResponse> RunAsync(AnalyticsRange range, CancellationToken cancellationToken)
    {
        var (start, end) = (range.StartUtc, range.EndUtc);
        var events = await database.EngagementEvents.AsNoTracking()
            .Where(e => (e.EventType == Open || e.EventType == Click) && e.OccurredAt >= start && e.OccurredAt < end)
            .GroupBy(e => new { e.EventType, Day = e.OccurredAt.Date })
            .Select(g => new { g.Key.EventType, g.Key.Day, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var sends = await database.NurtureActions.AsNoTracking()
            .Where(a => a.Kind == ActionKinds.SendContent && a.Status == ActionStatus.Done && a.CompletedAt >= start && a.CompletedAt < end)
            .GroupBy(a => a.CompletedAt!.Value.Date)
            .Select(g => new { Day = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);

        var marketingSends = await database.MarketingEmailRecipients.AsNoTracking()
            .Where(r => r.Outcome == RecipientOutcome.Sent && r.SentAt >= start && r.SentAt < end)
            .GroupBy(r => r.SentAt!.Value.Date)
            .Select(g => new { Day = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);

        var days = events.Select(e => (e.Day, Sends: 0L, Opens: e.EventType == Open ? e.Count : 0, Clicks: e.EventType == Click ? e.Count : 0))
            .Concat(sends.Concat(marketingSends).Select(s => (s.Day, Sends: s.Count, Opens: 0L, Clicks: 0L)))
            .Select(d => new DailyEmailActivity(DateOnly.FromDateTime(d.Day), d.Sends, d.Opens, d.Clicks)).ToList();
        var report = EmailPerformance.Compute(days, range.From, range.To, range.Period);
        return new CampaignAnalyticsResponse(range.From, range.To, range.PeriodName,
            await freshness.OfAsync([EmailEventPull.StateName], cancellationToken), report.Total, report.Periods);
    }
}
