using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Abm.Server.Features.Overview;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// Rolls contacts' stored scores up to their companies: account score, velocity, stakeholder coverage and
/// counts by buying role, and the stage most of its contacts are in. Reads the stored contact scores, never the raw events.
/// </summary>
internal sealed class AccountRollup(AbmDbContext database, WriteBackQueue writeBack, ScoreHistory history, TimeProvider clock)
{
    public async Task<(int Accounts, int Queued)> RollUpAsync(IReadOnlyCollection<Guid> companyIds, EngagementSettings settings, CancellationToken cancellationToken)
    {
        if (companyIds.Count == 0)
        {
            return (0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var members = await (from contact in database.Contacts
                             join score in database.ContactScores on contact.Id equals score.ContactId into scored
                             from score in scored.DefaultIfEmpty()
                             where contact.CompanyId != null && companyIds.Contains(contact.CompanyId.Value) && contact.ArchivedAt == null
                             select new { CompanyId = contact.CompanyId!.Value, contact.BuyingRole, contact.JourneyStage, Score = (double?)score.Score, Current = (double?)score.CurrentPeriodPoints, Previous = (double?)score.PreviousPeriodPoints })
                            .ToListAsync(cancellationToken);
        var companies = await database.Companies.Where(c => companyIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var existing = await database.AccountScores.Where(a => companyIds.Contains(a.CompanyId)).ToDictionaryAsync(a => a.CompanyId, cancellationToken);
        var membersByCompany = members.ToLookup(m => m.CompanyId);
        await writeBack.PreloadPendingAsync(WriteBackQueue.CompanyObject, companies.Select(c => c.HubSpotId).ToList(), cancellationToken);
        var queued = 0;
        var days = new List<(Company, double, double)>(companies.Count);
        foreach (var company in companies)
        {
            var engagement = AccountEngagementRollup.RollUp(
                membersByCompany[company.Id]
                    .Select(m => new AccountMemberEngagement(m.Score ?? 0, WireNames.TryParseBuyingRoles(m.BuyingRole, out var roles) ? roles : BuyingRoles.None, m.Current ?? 0, m.Previous ?? 0))
                    .ToList(),
                settings);
            var previous = existing.GetValueOrDefault(company.Id);
            if (previous is null || Math.Abs(previous.Velocity - engagement.Velocity) >= settings.SignificantScoreDelta)
            {
                writeBack.EnqueueCompany(company, engagement.Velocity);
                queued++;
            }

            var stages = membersByCompany[company.Id].Select(m => WireNames.TryParseJourneyStage(m.JourneyStage, out var stage) ? stage : JourneyStage.ProblemAwareness);
            Save(existing, company, engagement, DominantStage.Of(stages)?.ToWireName(), now);
            company.EngagementScore = (int)Math.Round(engagement.Score);
            company.EngagementVelocity = engagement.Velocity;
            company.UpdatedAt = now;
            days.Add((company, engagement.Score, engagement.StakeholderCoverage));
        }

        await history.StageAccountDaysAsync(days, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return (companies.Count, queued);
    }

    private void Save(Dictionary<Guid, AccountScore> existing, Company company, AccountEngagement engagement, string? dominantStage, DateTime now)
    {
        if (!existing.TryGetValue(company.Id, out var row))
        {
            row = new AccountScore { Id = Guid.CreateVersion7(), WorkspaceId = company.WorkspaceId, CompanyId = company.Id };
            database.AccountScores.Add(row);
        }

        row.Score = engagement.Score;
        row.Velocity = engagement.Velocity;
        row.StakeholderCoverage = engagement.StakeholderCoverage;
        row.DominantStage = dominantStage;
        row.ContactCount = engagement.ContactCount;
        row.RoleCounts = new RoleCounts(
            engagement.ContactsByRole.ToDictionary(r => r.Key.ToWireName(), r => r.Value),
            engagement.EngagedContactsByRole.ToDictionary(r => r.Key.ToWireName(), r => r.Value),
            engagement.ContactCount,
            engagement.EngagedContactCount,
            engagement.ContactsWithoutRole).ToJson();
        row.ComputedAt = now;
    }
}
