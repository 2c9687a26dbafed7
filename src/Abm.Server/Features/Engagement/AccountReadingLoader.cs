using Abm.Data;
using Abm.Engines;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// The stage votes of each account's buying committee: every content interaction of the account's contacts with the
/// item's target stages (<see cref="StageVotes"/>). One query per batch of accounts; a recompute pass keeps what it
/// loaded, so each account is read once however many chunks its contacts fall in.
/// </summary>
internal sealed class AccountReadingLoader(AbmDbContext database)
{
    // Readings older than eight half-lives weigh under 0.4 % of a fresh one: not worth reading.
    private const double HorizonHalfLives = 8;

    private readonly Dictionary<Guid, StageVotes> _loaded = [];

    /// <summary>The votes of each of <paramref name="companyIds"/>; an account without readings has none.</summary>
    public async Task<IReadOnlyDictionary<Guid, StageVotes>> LoadAsync(
        IEnumerable<Guid> companyIds, DateTimeOffset now, EngagementSettings settings, CancellationToken cancellationToken)
    {
        var missing = companyIds.Where(id => !_loaded.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var horizon = now.UtcDateTime.AddDays(-Math.Min(settings.WindowDays, HorizonHalfLives * JourneyStageInference.ReadingHalfLifeDays));
            var rows = await (from e in database.EngagementEvents
                              join contact in database.Contacts on e.ContactId equals contact.Id
                              where contact.CompanyId != null && missing.Contains(contact.CompanyId.Value) && contact.ArchivedAt == null
                                  && e.ContentId != null && e.OccurredAt >= horizon
                              select new { CompanyId = contact.CompanyId!.Value, e.OccurredAt, ContentId = e.ContentId!.Value })
                .ToListAsync(cancellationToken);
            var contentIds = rows.Select(r => r.ContentId).Distinct().ToList();
            var stages = (await database.ContentItems.Where(c => contentIds.Contains(c.Id)).Select(c => new { c.Id, c.TargetJourneyStages })
                    .ToListAsync(cancellationToken))
                .ToDictionary(c => c.Id, c => Stages(c.TargetJourneyStages));
            var byCompany = rows.Where(r => stages.ContainsKey(r.ContentId)).ToLookup(r => r.CompanyId);
            foreach (var companyId in missing)
            {
                _loaded[companyId] = StageVotes.Of(
                    byCompany[companyId].Select(r => new StageReading(new DateTimeOffset(DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc)), stages[r.ContentId])),
                    now, JourneyStageInference.ReadingHalfLifeDays, settings.WindowDays);
            }
        }

        return _loaded;
    }

    /// <summary>A content item's target stages as stored (wire names); unknown names are skipped.</summary>
    public static IReadOnlyList<JourneyStage> Stages(IEnumerable<string> wireNames) =>
        [.. wireNames.Select(name => (Ok: WireNames.TryParseJourneyStage(name, out var stage), Stage: stage)).Where(x => x.Ok).Select(x => x.Stage)];
}
