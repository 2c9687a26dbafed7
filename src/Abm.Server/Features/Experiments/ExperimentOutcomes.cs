using Abm.Data;
using Abm.Engines;
using Abm.Engines.Engagement;
using Abm.Engines.Experiments;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Experiments;

/// <summary>
/// An experiment's outcomes per arm and account, from its exposures and what the contacts did after them. Only
/// matured exposures count (their whole window is in the past), so a fresh one is never counted as a failure.
/// </summary>
internal sealed class ExperimentOutcomes(AbmDbContext database)
{
    private const int Chunk = 1_000;
    private static readonly TimeSpan EngagementWindow = TimeSpan.FromDays(7);
    private static readonly TimeSpan ConversionWindow = TimeSpan.FromDays(30);

    /// <summary>Each arm's clusters (accounts) with their exposed units and conversions on <paramref name="metric"/>.</summary>
    public async Task<Dictionary<string, List<ClusterOutcome>>> ByArmAsync(Guid experimentId, string metric, DateTime now, CancellationToken cancellationToken) =>
        metric == ExperimentMetrics.Engaged7d
            ? await EngagedAsync(experimentId, now, cancellationToken)
            : await ContactsConvertedAsync(experimentId, metric, now, cancellationToken);

    /// <summary>Unit: an item shown; converted when the contact engaged with that item within 7 days of first seeing it.</summary>
    private async Task<Dictionary<string, List<ClusterOutcome>>> EngagedAsync(Guid experimentId, DateTime now, CancellationToken cancellationToken)
    {
        var matured = now - EngagementWindow;
        var exposures = await database.ExperimentExposures.AsNoTracking().Where(x => x.ExperimentId == experimentId && x.ExposedAt <= matured)
            .Select(x => new { x.Arm, x.UnitKey, x.ContactId, x.ContentId, x.ExposedAt }).ToListAsync(cancellationToken);
        var engaged = new HashSet<(Guid Contact, Guid Content, DateTime At)>();
        var since = exposures.Count == 0 ? now : exposures.Min(x => x.ExposedAt);
        foreach (var chunk in exposures.Select(x => x.ContactId).Distinct().Chunk(Chunk))
        {
            var events = await database.EngagementEvents.AsNoTracking()
                .Where(e => chunk.Contains(e.ContactId) && e.OccurredAt > since && e.ContentId != null)
                .Select(e => new { e.ContactId, ContentId = e.ContentId!.Value, e.OccurredAt }).ToListAsync(cancellationToken);
            engaged.UnionWith(events.Select(e => (e.ContactId, e.ContentId, e.OccurredAt)));
        }

        var byItem = engaged.ToLookup(e => (e.Contact, e.Content), e => e.At);
        return Clusters(exposures.Select(x => (x.Arm, x.UnitKey, byItem[(x.ContactId, x.ContentId)].Any(at => at > x.ExposedAt && at <= x.ExposedAt + EngagementWindow))));
    }

    /// <summary>Unit: a contact shown anything; converted when it booked a meeting (or joined a new deal) within 30 days of its first item.</summary>
    private async Task<Dictionary<string, List<ClusterOutcome>>> ContactsConvertedAsync(Guid experimentId, string metric, DateTime now, CancellationToken cancellationToken)
    {
        var matured = now - ConversionWindow;
        var contacts = (await database.ExperimentExposures.AsNoTracking().Where(x => x.ExperimentId == experimentId)
            .GroupBy(x => new { x.ContactId, x.Arm, x.UnitKey }).Select(g => new { g.Key.ContactId, g.Key.Arm, g.Key.UnitKey, First = g.Min(x => x.ExposedAt) })
            .ToListAsync(cancellationToken)).Where(c => c.First <= matured).ToList();
        var converted = new Dictionary<Guid, List<DateTime>>();
        var since = contacts.Count == 0 ? now : contacts.Min(c => c.First);
        foreach (var chunk in contacts.Select(c => c.ContactId).Chunk(Chunk))
        {
            var moments = metric == ExperimentMetrics.Meeting30d
                ? await database.EngagementEvents.AsNoTracking()
                    .Where(e => chunk.Contains(e.ContactId) && e.OccurredAt > since && e.EventType == MeetingBooked)
                    .Select(e => new { e.ContactId, At = e.OccurredAt }).ToListAsync(cancellationToken)
                : await database.DealContacts.AsNoTracking().Where(d => chunk.Contains(d.ContactId))
                    .Join(database.Deals.Where(d => d.CreatedAt > since), link => link.DealId, deal => deal.Id, (link, deal) => new { link.ContactId, At = deal.CreatedAt })
                    .ToListAsync(cancellationToken);
            foreach (var moment in moments)
            {
                (converted.TryGetValue(moment.ContactId, out var list) ? list : converted[moment.ContactId] = []).Add(moment.At);
            }
        }

        return Clusters(contacts.Select(c => (c.Arm, c.UnitKey,
            converted.TryGetValue(c.ContactId, out var moments) && moments.Any(at => at > c.First && at <= c.First + ConversionWindow))));
    }

    private static readonly string MeetingBooked = EngagementEventType.MeetingBooked.ToWireName();

    private static Dictionary<string, List<ClusterOutcome>> Clusters(IEnumerable<(string Arm, string Unit, bool Converted)> units) =>
        units.GroupBy(u => u.Arm).ToDictionary(
            arm => arm.Key,
            arm => arm.GroupBy(u => u.Unit).Select(unit => new ClusterOutcome(unit.Count(), unit.Count(u => u.Converted))).ToList());
}
