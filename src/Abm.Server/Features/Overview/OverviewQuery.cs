using Abm.Data;
using Abm.Engines.Engagement;
using Abm.Server.Features.Listing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Overview;

internal sealed record BandCount(string Band, int Accounts);

internal sealed record StageCount(string Stage, int Contacts);

/// <summary>
/// How one UTC day ended: average account engagement, accounts per band, average stakeholder coverage (0..100) and
/// content-to-meeting conversion in percent (null while no content had reached anyone). Public because it is a
/// parameter of the dashboard's trend component, and components are public.
/// </summary>
public sealed record TrendDay(
    DateOnly Day, double AverageEngagement, int Hot, int Engaged, int Warming, int Cold, double AverageStakeholderCoverage, double? ContentToMeetingConversion);

/// <summary>
/// The workspace at a glance. Coverage is 0..100; the goal is the share of coverage roles an account should have
/// engaged. Content-to-meeting conversion is the share (percent) of content reaches followed by a meeting within 14
/// days. <c>Trend</c> holds the last 90 days that a recompute recorded, oldest first.
/// </summary>
internal sealed record OverviewResponse(
    int Accounts, double AverageAccountEngagement, IReadOnlyList<BandCount> AccountsByBand,
    int Contacts, double AverageContactEngagement, IReadOnlyList<StageCount> ContactsByStage,
    double AverageStakeholderCoverage, double CoverageGoal, int AccountsAtCoverageGoal,
    int ContentReached, int ContentMeetings, double ContentToMeetingConversion, IReadOnlyList<TrendDay> Trend);

/// <summary>
/// The figures of the overview page and <c>GET /api/overview</c>, each one aggregate query in the database
/// (grouped counts and averages), never rows brought back to be counted here; the trend reads the daily history.
/// </summary>
internal sealed class OverviewQuery(AbmDbContext database, TimeProvider clock)
{
    /// <summary>The longest trend the overview shows.</summary>
    public const int TrendDays = 90;

    public async Task<OverviewResponse> GetAsync(CancellationToken cancellationToken)
    {
        var accounts = await OverviewFigures.AccountsAsync(database, cancellationToken);
        var content = await OverviewFigures.ContentAsync(database, cancellationToken);
        var contacts = database.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null);
        var stages = await contacts.GroupBy(c => c.JourneyStage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var contactEngagement = await contacts.Select(c => (double?)c.EngagementScore).AverageAsync(cancellationToken) ?? 0;

        var byStage = stages.ToDictionary(s => s.Stage, s => s.Count, StringComparer.Ordinal);
        return new OverviewResponse(
            accounts.Accounts, accounts.AverageEngagement,
            [.. Enum.GetValues<EngagementBand>().Reverse().Select(b => new BandCount(b.ToString().ToLowerInvariant(), accounts.In(b)))],
            byStage.Values.Sum(), Math.Round(contactEngagement, 1),
            [.. JourneyOrder.StageNames.Select(s => new StageCount(s, byStage.GetValueOrDefault(s)))],
            accounts.AverageCoverage, OverviewFigures.CoverageGoal, accounts.AtCoverageGoal,
            content.Reached, content.Meetings, content.ConversionPercent, await TrendAsync(cancellationToken));
    }

    private async Task<IReadOnlyList<TrendDay>> TrendAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.Date.AddDays(-(TrendDays - 1));
        var days = await database.WorkspaceScoreDays.AsNoTracking().Where(d => d.Day >= since).OrderBy(d => d.Day).ToListAsync(cancellationToken);
        return [.. days.Select(d => new TrendDay(
            DateOnly.FromDateTime(d.Day), d.AverageEngagement, d.HotAccounts, d.EngagedAccounts, d.WarmingAccounts, d.ColdAccounts, d.AverageStakeholderCoverage,
            d.ContentReached == 0 ? null : new ContentFigures(d.ContentReached, d.ContentMeetings).ConversionPercent))];
    }
}
