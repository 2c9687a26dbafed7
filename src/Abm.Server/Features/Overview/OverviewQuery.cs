using Abm.Data;
using Abm.Engines.Engagement;
using Abm.Server.Features.Listing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Overview;

internal sealed record BandCount(string Band, int Accounts);

internal sealed record StageCount(string Stage, int Contacts);

/// <summary>The workspace at a glance. Coverage is 0..100; the goal is the share of coverage roles an account should have engaged.</summary>
internal sealed record OverviewResponse(
    int Accounts, double AverageAccountEngagement, IReadOnlyList<BandCount> AccountsByBand,
    int Contacts, double AverageContactEngagement, IReadOnlyList<StageCount> ContactsByStage,
    double AverageStakeholderCoverage, double CoverageGoal, int AccountsAtCoverageGoal);

/// <summary>
/// The figures of the overview page and <c>GET /api/overview</c>, each one aggregate query in the database
/// (grouped counts and averages), never rows brought back to be counted here.
/// </summary>
internal sealed class OverviewQuery(AbmDbContext database)
{
    /// <summary>Stakeholder coverage an account should reach: 70% of the coverage roles engaged.</summary>
    public const double CoverageGoal = 70;

    public async Task<OverviewResponse> GetAsync(CancellationToken cancellationToken)
    {
        var companies = database.Companies.AsNoTracking().Where(c => c.ArchivedAt == null);
        var bands = await companies
            .GroupBy(c => c.EngagementScore >= EngagementBands.HotFrom ? EngagementBand.Hot
                : c.EngagementScore >= EngagementBands.EngagedFrom ? EngagementBand.Engaged
                : c.EngagementScore >= EngagementBands.WarmingFrom ? EngagementBand.Warming : EngagementBand.Cold)
            .Select(g => new { Band = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var accountEngagement = await companies.Select(c => (double?)c.EngagementScore).AverageAsync(cancellationToken) ?? 0;
        var coverage = await (from company in companies
                              join score in database.AccountScores on company.Id equals score.CompanyId into scores
                              from score in scores.DefaultIfEmpty()
                              select score == null ? 0 : score.StakeholderCoverage)
            .GroupBy(_ => 1)
            .Select(g => new { Average = g.Average(c => c), AtGoal = g.Count(c => c >= CoverageGoal) })
            .SingleOrDefaultAsync(cancellationToken);

        var contacts = database.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null);
        var stages = await contacts.GroupBy(c => c.JourneyStage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var contactEngagement = await contacts.Select(c => (double?)c.EngagementScore).AverageAsync(cancellationToken) ?? 0;

        var byBand = bands.ToDictionary(b => b.Band, b => b.Count);
        var byStage = stages.ToDictionary(s => s.Stage, s => s.Count, StringComparer.Ordinal);
        return new OverviewResponse(
            byBand.Values.Sum(), Math.Round(accountEngagement, 1),
            [.. Enum.GetValues<EngagementBand>().Reverse().Select(b => new BandCount(b.ToString().ToLowerInvariant(), byBand.GetValueOrDefault(b)))],
            byStage.Values.Sum(), Math.Round(contactEngagement, 1),
            [.. JourneyOrder.StageNames.Select(s => new StageCount(s, byStage.GetValueOrDefault(s)))],
            Math.Round(coverage?.Average ?? 0, 1), CoverageGoal, coverage?.AtGoal ?? 0);
    }
}
