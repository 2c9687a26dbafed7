using Abm.Data;
using Abm.Engines.Analytics;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Analytics;

/// <summary>
/// Deal analytics from the local copy. Won and lost are HubSpot's default stage ids (<c>closedwon</c>,
/// <c>closedlost</c>); every other stage is open. Only open deals and deals closed in the range are read.
/// </summary>
internal sealed class DealAnalyticsQuery(AbmDbContext database, CopyFreshness freshness)
{
    public const string WonStage = "closedwon";
    public const string LostStage = "closedlost";

    public async Task<DealAnalyticsResponse> RunAsync(AnalyticsRange range, CancellationToken cancellationToken)
    {
        var (start, end) = (range.StartUtc, range.EndUtc);
        var deals = await database.Deals.AsNoTracking()
            .Where(d => d.ArchivedAt == null && ((d.Stage != WonStage && d.Stage != LostStage) || d.Stage == null || (d.CloseDate >= start && d.CloseDate < end)))
            .Select(d => new { d.Stage, d.Amount, d.HubSpotCreatedAt, d.CloseDate })
            .ToListAsync(cancellationToken);
        var facts = deals.Select(d => new DealFacts(d.Stage, d.Amount, d.HubSpotCreatedAt, d.CloseDate, d.Stage switch
        {
            WonStage => DealOutcome.Won,
            LostStage => DealOutcome.Lost,
            _ => DealOutcome.Open,
        }));
        var report = DealAnalytics.Compute(facts, range.From, range.To, range.Period);
        return new DealAnalyticsResponse(range.From, range.To, range.PeriodName, await freshness.OfAsync([SyncedObjects.Deals], cancellationToken),
            report.OpenPipeline, report.Total, report.Periods);
    }
}
