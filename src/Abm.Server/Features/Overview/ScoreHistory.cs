using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Engagement;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Overview;

/// <summary>
/// Keeps the day's figures after each recompute: today's row is replaced until midnight UTC, then a new one starts,
/// so the history holds how each day ended. The nightly recompute visits every account, so no day goes missing
/// while the server runs. Days older than <see cref="KeptDays"/> are pruned when a new day starts.
/// </summary>
internal sealed class ScoreHistory(AbmDbContext database, TimeProvider clock)
{
    /// <summary>The trends show 90 days; a margin is kept.</summary>
    public const int KeptDays = 120;

    public DateTime Today => clock.GetUtcNow().UtcDateTime.Date;

    /// <summary>Today's engagement of accounts just rolled up; saved with the caller's next SaveChanges.</summary>
    public async Task StageAccountDaysAsync(IReadOnlyCollection<(Company Company, double Score, double Coverage)> accounts, CancellationToken cancellationToken)
    {
        var day = Today;
        var ids = accounts.Select(a => a.Company.Id).ToList();
        var existing = await database.AccountScoreDays.Where(d => ids.Contains(d.CompanyId) && d.Day == day).ToDictionaryAsync(d => d.CompanyId, cancellationToken);
        foreach (var (company, score, coverage) in accounts)
        {
            if (!existing.TryGetValue(company.Id, out var row))
            {
                row = new AccountScoreDay { WorkspaceId = company.WorkspaceId, CompanyId = company.Id, Day = day };
                database.AccountScoreDays.Add(row);
            }

            (row.Score, row.StakeholderCoverage) = (score, coverage);
        }
    }

    /// <summary>Records the workspace's overview figures as they stand now, as today's row.</summary>
    public async Task RecordWorkspaceDayAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var day = Today;
        var accounts = await OverviewFigures.AccountsAsync(database, cancellationToken);
        var content = await OverviewFigures.ContentAsync(database, cancellationToken);
        var row = await database.WorkspaceScoreDays.SingleOrDefaultAsync(d => d.WorkspaceId == workspaceId && d.Day == day, cancellationToken);
        if (row is null)
        {
            row = new WorkspaceScoreDay { WorkspaceId = workspaceId, Day = day };
            database.WorkspaceScoreDays.Add(row);
            var oldest = day.AddDays(-KeptDays);
            await database.AccountScoreDays.Where(d => d.WorkspaceId == workspaceId && d.Day < oldest).ExecuteDeleteAsync(cancellationToken);
            await database.WorkspaceScoreDays.Where(d => d.WorkspaceId == workspaceId && d.Day < oldest).ExecuteDeleteAsync(cancellationToken);
        }

        row.Accounts = accounts.Accounts;
        row.AverageEngagement = accounts.AverageEngagement;
        row.HotAccounts = accounts.In(EngagementBand.Hot);
        row.EngagedAccounts = accounts.In(EngagementBand.Engaged);
        row.WarmingAccounts = accounts.In(EngagementBand.Warming);
        row.ColdAccounts = accounts.In(EngagementBand.Cold);
        row.AverageStakeholderCoverage = accounts.AverageCoverage;
        row.ContentReached = content.Reached;
        row.ContentMeetings = content.Meetings;
        await database.SaveChangesAsync(cancellationToken);
    }
}
