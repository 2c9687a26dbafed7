using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines;
using Abm.Engines.Engagement;
using Abm.Engines.Experiments;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Experiments;

/// <summary>
/// An experiment's outcomes per arm and account, from its exposures (items shown or sent) and what the contacts did
/// after them. Only matured exposures count (their whole window is in the past), so a fresh one is never counted as a
/// failure.
/// </summary>
internal sealed class ExperimentOutcomes(AbmDbContext database)
{
    private const int Chunk = 1_000;
    private static readonly TimeSpan EngagementWindow = TimeSpan.FromDays(7);
    private static readonly TimeSpan ConversionWindow = TimeSpan.FromDays(30);

    /// <summary>Each arm's clusters (accounts) with their exposed units and conversions on <paramref name="metric"/>.</summary>
    public async Task<Dictionary<string, List<ClusterOutcome>>> ByArmAsync(Guid experimentId, string metric, DateTime now, CancellationToken cancellationToken) =>
        (await ByUnitAsync(experimentId, metric, now, cancellationToken)).GroupBy(u => u.Arm).ToDictionary(arm => arm.Key, arm => arm.Select(u => u.Outcome).ToList());

    /// <summary>
    /// Each unit (account) with its arm and its exposed units and conversions on <paramref name="metric"/> as of
    /// <paramref name="now"/>: what an arm's estimate pools, and what a re-randomised (A/A) analysis deals out again.
    /// </summary>
    public async Task<List<(string Arm, string Unit, ClusterOutcome Outcome)>> ByUnitAsync(Guid experimentId, string metric, DateTime now, CancellationToken cancellationToken)
    {
        var units = metric switch
        {
            ExperimentMetrics.Engaged7d => await EngagedAsync(experimentId, now, cancellationToken),
            ExperimentMetrics.ContentToMeeting => await MeetingAfterSendAsync(experimentId, now, cancellationToken),
            _ => await ContactsConvertedAsync(experimentId, metric, now, cancellationToken),
        };
        return [.. units.GroupBy(u => (u.Arm, u.Unit)).Select(unit => (unit.Key.Arm, unit.Key.Unit, new ClusterOutcome(unit.Count(), unit.Count(u => u.Converted))))];
    }

    /// <summary>
    /// Unit: an item the contact met (shown or sent; the first time counts); converted when the contact engaged with
    /// that item within 7 days after.
    /// </summary>
    private async Task<IEnumerable<(string Arm, string Unit, bool Converted)>> EngagedAsync(Guid experimentId, DateTime now, CancellationToken cancellationToken)
    {
        var matured = now - EngagementWindow;
        var exposures = (await database.ExperimentExposures.AsNoTracking().Where(x => x.ExperimentId == experimentId)
            .GroupBy(x => new { x.Arm, x.UnitKey, x.ContactId, x.ContentId }).Select(g => new { g.Key.Arm, g.Key.UnitKey, g.Key.ContactId, g.Key.ContentId, ExposedAt = g.Min(x => x.ExposedAt) })
            .ToListAsync(cancellationToken)).Where(x => x.ExposedAt <= matured).ToList();
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
        return exposures.Select(x => (x.Arm, x.UnitKey, byItem[(x.ContactId, x.ContentId)].Any(at => at > x.ExposedAt && at <= x.ExposedAt + EngagementWindow)));
    }

    /// <summary>
    /// Unit: a contact nurture sent an item to, once 30 days have passed since its first send; converted when it booked
    /// a meeting within 30 days after one of its sends (the nurture statistics' content-to-meeting conversion).
    /// </summary>
    private async Task<IEnumerable<(string Arm, string Unit, bool Converted)>> MeetingAfterSendAsync(Guid experimentId, DateTime now, CancellationToken cancellationToken)
    {
        var matured = now - ConversionWindow;
        var sends = await database.ExperimentExposures.AsNoTracking().Where(x => x.ExperimentId == experimentId && x.Channel == ExposureChannels.Sent && x.ExposedAt <= now)
            .Select(x => new { x.ContactId, x.Arm, x.UnitKey, x.ExposedAt }).ToListAsync(cancellationToken);
        var contacts = sends.GroupBy(x => (x.ContactId, x.Arm, x.UnitKey)).Where(g => g.Min(x => x.ExposedAt) <= matured)
            .Select(g => (g.Key.ContactId, g.Key.Arm, g.Key.UnitKey, Sends: g.Select(x => x.ExposedAt).ToList())).ToList();
        var meetings = await MomentsAsync(ExperimentMetrics.Meeting30d, [.. contacts.Select(c => c.ContactId)],
            contacts.Count == 0 ? now : contacts.Min(c => c.Sends.Min()), now, cancellationToken);
        return contacts.Select(c => (c.Arm, c.UnitKey,
            meetings.TryGetValue(c.ContactId, out var at) && c.Sends.Any(sent => at.Any(m => m >= sent && m <= sent + ConversionWindow))));
    }

    /// <summary>Unit: a contact that met anything; converted when it booked a meeting (or joined a new deal) within 30 days of its first item.</summary>
    private async Task<IEnumerable<(string Arm, string Unit, bool Converted)>> ContactsConvertedAsync(Guid experimentId, string metric, DateTime now, CancellationToken cancellationToken)
    {
        var matured = now - ConversionWindow;
        var contacts = (await database.ExperimentExposures.AsNoTracking().Where(x => x.ExperimentId == experimentId)
            .GroupBy(x => new { x.ContactId, x.Arm, x.UnitKey }).Select(g => new { g.Key.ContactId, g.Key.Arm, g.Key.UnitKey, First = g.Min(x => x.ExposedAt) })
            .ToListAsync(cancellationToken)).Where(c => c.First <= matured).ToList();
        var converted = await MomentsAsync(metric, [.. contacts.Select(c => c.ContactId)], contacts.Count == 0 ? now : contacts.Min(c => c.First), now, cancellationToken);
        return contacts.Select(c => (c.Arm, c.UnitKey,
            converted.TryGetValue(c.ContactId, out var moments) && moments.Any(at => at > c.First && at <= c.First + ConversionWindow)));
    }

    /// <summary>
    /// Each contact's meetings booked (or new deals joined) from <paramref name="since"/> to <paramref name="until"/>
    /// (a look at a past moment sees nothing later), read in chunks.
    /// </summary>
    private async Task<Dictionary<Guid, List<DateTime>>> MomentsAsync(string metric, IReadOnlyList<Guid> contactIds, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var converted = new Dictionary<Guid, List<DateTime>>();
        foreach (var chunk in contactIds.Distinct().Chunk(Chunk))
        {
            var moments = metric == ExperimentMetrics.Meeting30d
                ? await database.EngagementEvents.AsNoTracking()
                    .Where(e => chunk.Contains(e.ContactId) && e.OccurredAt >= since && e.OccurredAt <= until && e.EventType == MeetingBooked)
                    .Select(e => new { e.ContactId, At = e.OccurredAt }).ToListAsync(cancellationToken)
                : await database.DealContacts.AsNoTracking().Where(d => chunk.Contains(d.ContactId))
                    .Join(database.Deals.Where(d => d.CreatedAt >= since && d.CreatedAt <= until), link => link.DealId, deal => deal.Id, (link, deal) => new { link.ContactId, At = deal.CreatedAt })
                    .ToListAsync(cancellationToken);
            foreach (var moment in moments)
            {
                (converted.TryGetValue(moment.ContactId, out var list) ? list : converted[moment.ContactId] = []).Add(moment.At);
            }
        }

        return converted;
    }

    private static readonly string MeetingBooked = EngagementEventType.MeetingBooked.ToWireName();
}
