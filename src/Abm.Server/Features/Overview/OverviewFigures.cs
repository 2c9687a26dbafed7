using Abm.Data;
using Abm.Engines.Engagement;
using Abm.Server.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Overview;

/// <summary>The workspace's accounts at this moment: count, average engagement, count per band and stakeholder coverage.</summary>
internal sealed record AccountFigures(int Accounts, double AverageEngagement, IReadOnlyDictionary<EngagementBand, int> ByBand, double AverageCoverage, int AtCoverageGoal)
{
    public int In(EngagementBand band) => ByBand.GetValueOrDefault(band);
}

/// <summary>Contacts reached by content (summed over items) and those of them who booked a meeting within 14 days.</summary>
internal sealed record ContentFigures(int Reached, int Meetings)
{
    /// <summary>Content-to-meeting conversion in percent (0..100); 0 before any content reached anyone.</summary>
    public double ConversionPercent => Reached == 0 ? 0 : Math.Round(100.0 * Meetings / Reached, 1);
}

/// <summary>
/// The figures the overview shows and the daily history keeps, computed once here so the page and the history
/// cannot disagree. Each is an aggregate in the database (grouped counts and averages), except content, which sums
/// the stored performance of the workspace's items (hundreds, not thousands).
/// </summary>
internal static class OverviewFigures
{
    /// <summary>Stakeholder coverage an account should reach: 70% of the coverage roles engaged.</summary>
    public const double CoverageGoal = 70;

    public static async Task<AccountFigures> AccountsAsync(AbmDbContext database, CancellationToken cancellationToken)
    {
        var companies = database.Companies.AsNoTracking().Where(c => c.ArchivedAt == null);
        var bands = await companies
            .GroupBy(c => c.EngagementScore >= EngagementBands.HotFrom ? EngagementBand.Hot
                : c.EngagementScore >= EngagementBands.EngagedFrom ? EngagementBand.Engaged
                : c.EngagementScore >= EngagementBands.WarmingFrom ? EngagementBand.Warming : EngagementBand.Cold)
            .Select(g => new { Band = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var engagement = await companies.Select(c => (double?)c.EngagementScore).AverageAsync(cancellationToken) ?? 0;
        var coverage = await (from company in companies
                              join score in database.AccountScores on company.Id equals score.CompanyId into scores
                              from score in scores.DefaultIfEmpty()
                              select score == null ? 0 : score.StakeholderCoverage)
            .GroupBy(_ => 1)
            .Select(g => new { Average = g.Average(c => c), AtGoal = g.Count(c => c >= CoverageGoal) })
            .SingleOrDefaultAsync(cancellationToken);
        var byBand = bands.ToDictionary(b => b.Band, b => b.Count);
        return new AccountFigures(byBand.Values.Sum(), Math.Round(engagement, 1), byBand, Math.Round(coverage?.Average ?? 0, 1), coverage?.AtGoal ?? 0);
    }

    public static async Task<ContentFigures> ContentAsync(AbmDbContext database, CancellationToken cancellationToken)
    {
        var stored = await database.ContentItems.AsNoTracking().Where(c => c.ArchivedAt == null).Select(c => c.PerformanceMetrics).ToListAsync(cancellationToken);
        var metrics = stored.Select(ContentQuery.ParseMetrics).ToList();
        return new ContentFigures(metrics.Sum(m => m.Contacts), metrics.Sum(m => m.Meetings));
    }
}
