using Abm.Data;
using Abm.Engines;
using Abm.Engines.Content;
using Abm.Engines.Journey;
using Abm.Engines.Personas;
using Abm.Engines.Recommendations;
using Abm.Engines.Recommendations.Fitting;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Recommendations.Fitting;

/// <summary>
/// Turns a workspace's stored history into the fitter's two periods: each contact as it stood at the period's
/// cut-off (what it had consumed and skipped, its format preference then) and what it engaged with until the
/// period's end. Persona, industry and journey stage are taken as they are now: their history is not kept.
/// </summary>
internal sealed class FittingHistory(AbmDbContext database, EngagementSettingsStore settingsStore)
{
    private const int ChunkSize = 500;

    public async Task<(FittingPeriod Fit, FittingPeriod HeldOut)> LoadAsync(
        Guid workspaceId, RecommenderSettings settings, FittingWindow window, int maxContactsPerPeriod, CancellationToken cancellationToken)
    {
        var engagement = await settingsStore.LoadAsync(workspaceId, cancellationToken);
        var stored = await database.ContentItems.AsNoTracking().Where(c => c.ArchivedAt == null).ToListAsync(cancellationToken);
        var library = stored.Select(LibraryMapping.ToEngine).OfType<ContentItem>().ToList();
        var types = library.ToDictionary(i => Guid.Parse(i.Id), i => i.Type);

        var fitIds = await SampleAsync(window.FitCutoff, window.HeldOutCutoff, maxContactsPerPeriod, cancellationToken);
        var heldOutIds = await SampleAsync(window.HeldOutCutoff, window.End, maxContactsPerPeriod, cancellationToken);
        var histories = await LoadContactsAsync([.. fitIds.Union(heldOutIds)], window.End, types, cancellationToken);

        FittingPeriod Period(IEnumerable<Guid> ids, DateTime cutoff, DateTime end) => new(
            new ContentRecommender(library, Utc(cutoff), settings),
            [.. ids.Where(histories.ContainsKey).Select(id => histories[id].AsOf(cutoff, end, engagement))]);

        return (Period(fitIds, window.FitCutoff, window.HeldOutCutoff), Period(heldOutIds, window.HeldOutCutoff, window.End));
    }

    // Contacts that engaged with content in the period, in an order that is fixed but unrelated to when they were
    // created (ids are time-ordered), so a capped sample is not just the oldest contacts. A contact who withdrew
    // profiling is left out: fitting on what a person read is profiling them.
    private async Task<List<Guid>> SampleAsync(DateTime from, DateTime to, int max, CancellationToken cancellationToken)
    {
        var ids = await database.EngagementEvents.Where(e => e.ContentId != null && e.OccurredAt >= from && e.OccurredAt < to
                && !database.ContactSuppressions.Any(s => s.ContactId == e.ContactId && s.Purpose == ConsentPurposes.Profiling))
            .Select(e => e.ContactId).Distinct().ToListAsync(cancellationToken);
        return [.. ids.OrderBy(id => (uint)id.GetHashCode()).ThenBy(id => id).Take(max)];
    }

    private async Task<Dictionary<Guid, ContactHistory>> LoadContactsAsync(
        Guid[] ids, DateTime end, Dictionary<Guid, ContentType> types, CancellationToken cancellationToken)
    {
        var histories = new Dictionary<Guid, ContactHistory>();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var contacts = await (from contact in database.Contacts
                                  where chunk.Contains(contact.Id) && contact.ArchivedAt == null
                                  join company in database.Companies on contact.CompanyId equals company.Id into companies
                                  from company in companies.DefaultIfEmpty()
                                  select new { contact.Id, contact.PersonaType, contact.JourneyStage, Industry = company == null ? null : company.Industry })
                .ToListAsync(cancellationToken);
            // The open-ended lower time bound lets SQLite's planner use the (contact, time) index (it keeps no statistics).
            var events = (await database.EngagementEvents
                    .Where(e => chunk.Contains(e.ContactId) && e.ContentId != null && e.OccurredAt >= DateTime.MinValue && e.OccurredAt < end)
                    .Select(e => new { e.ContactId, ContentId = e.ContentId!.Value, e.EventType, e.OccurredAt })
                    .ToListAsync(cancellationToken))
                .Select(e => (e.ContactId, e.ContentId, e.OccurredAt, Known: WireNames.TryParseEventType(e.EventType, out var type), Type: type))
                .Where(e => e.Known && types.ContainsKey(e.ContentId))
                .ToLookup(e => e.ContactId);
            var verdicts = (await database.RecommendationFeedback.Where(f => chunk.Contains(f.ContactId) && f.DecidedAt < end)
                    .Select(f => new { f.ContactId, f.ContentId, f.Verdict, f.DecidedAt }).ToListAsync(cancellationToken))
                .ToLookup(f => f.ContactId);
            foreach (var contact in contacts)
            {
                histories[contact.Id] = new ContactHistory(
                    LibraryMapping.ContactIndustry(contact.Industry),
                    WireNames.TryParsePersona(contact.PersonaType, out var persona) ? persona : Persona.Unknown,
                    WireNames.TryParseJourneyStage(contact.JourneyStage, out var stage) ? stage : JourneyStage.ProblemAwareness,
                    [.. events[contact.Id].Select(e => new ContentInteraction(
                        e.ContentId.ToString(), types[e.ContentId], e.Type, Utc(e.OccurredAt)))],
                    [.. verdicts[contact.Id].Select(v => new ContactHistory.Verdict(v.ContentId.ToString(), v.Verdict, v.DecidedAt))]);
            }
        }

        return histories;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
