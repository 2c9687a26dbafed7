using System.Diagnostics;
using Abm.HubSpot.Sandbox.Admin;
using Abm.HubSpot.Sandbox.Clock;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

internal sealed record BehaviourAdvance
{
    public double Days { get; init; }

    public double Hours { get; init; }
}

internal sealed record PortalAdvance(long PortalId, int Events);

/// <summary>
/// Moves simulated time on and runs every portal's buyers up to it before answering, and shows what they did:
/// counts per day, the site event log and the ledger of reactions to the engine's sends. Reads catch up first,
/// so they never lag behind the clock.
/// </summary>
internal static class BehaviourHandlers
{
    private const int MaxPage = 10_000;

    public static async Task<IResult> AdvanceAsync(HttpRequest request, SimulatedClock clock, PortalRegistry portals, BehaviourEngine engine, CancellationToken cancellationToken)
    {
        var (advance, error) = await AdminBody.ReadAsync<BehaviourAdvance>(request, cancellationToken);
        if (advance is null)
        {
            return error!;
        }

        var by = TimeSpan.FromDays(advance.Days) + TimeSpan.FromHours(advance.Hours);
        if (by < TimeSpan.Zero || by > TimeSpan.FromDays(3660))
        {
            return HubSpotErrors.Validation("days and hours must move the clock forward, by at most ten years");
        }

        var started = Stopwatch.GetTimestamp();
        var before = portals.All.ToDictionary(p => p.PortalId, p => p.Read(s => TotalEvents(s.Behaviour)));
        clock.Advance(by);
        var now = clock.GetUtcNow();
        var results = new List<PortalAdvance>();
        foreach (var portal in portals.All)
        {
            engine.AdvanceTo(portal, now);
            results.Add(new PortalAdvance(portal.PortalId, portal.Read(s => TotalEvents(s.Behaviour)) - before.GetValueOrDefault(portal.PortalId)));
        }

        return SandboxJson.Json(new { now = HubSpotTime.Format(now), elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, portals = results });
    }

    public static IResult Summary(long portalId, PortalRegistry portals, BehaviourEngine engine, TimeProvider clock) =>
        WithPortal(portalId, portals, engine, clock, state =>
        {
            var behaviour = state.Behaviour;
            var outcomes = behaviour.Outcomes.Values.SelectMany(o => o).ToList();
            return SandboxJson.Json(new
            {
                simulatedUntil = HubSpotTime.Format(behaviour.SimulatedUntil),
                totalEvents = TotalEvents(behaviour),
                days = behaviour.DailyCounts.Select(d => new { date = d.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), total = d.Value.Values.Sum(), byKind = d.Value }),
                sends = SendSummary.Of(behaviour.Sends),
                unsubscribed = behaviour.Unsubscribed.Count,
                dealsWon = outcomes.Count(o => o.Won),
                dealsLost = outcomes.Count(o => !o.Won),
            });
        });

    /// <summary>Site events, oldest first, filtered by <c>type</c>, <c>contactId</c>, <c>cause</c> and a time range; paged by <c>offset</c>.</summary>
    public static IResult Events(long portalId, string? type, long? contactId, string? cause, DateTimeOffset? since, DateTimeOffset? until, int? limit, int? offset, PortalRegistry portals, BehaviourEngine engine, TimeProvider clock) =>
        WithPortal(portalId, portals, engine, clock, state =>
        {
            var matching = state.Behaviour.SiteEvents.Where(e =>
                (type is null || e.Type == type) && (contactId is null || e.ContactId == contactId) && (cause is null || e.Cause == cause)
                && (since is null || e.OccurredAt >= since) && (until is null || e.OccurredAt <= until)).ToList();
            var skip = Math.Max(0, offset ?? 0);
            var page = matching.Skip(skip).Take(Math.Clamp(limit ?? 1000, 1, MaxPage)).ToList();
            return SandboxJson.Json(new { total = matching.Count, offset = skip + page.Count, results = page });
        });

    public static IResult Sends(long portalId, PortalRegistry portals, BehaviourEngine engine, TimeProvider clock) =>
        WithPortal(portalId, portals, engine, clock, state =>
            SandboxJson.Json(new { summary = SendSummary.Of(state.Behaviour.Sends), results = state.Behaviour.Sends }));

    private static IResult WithPortal(long portalId, PortalRegistry portals, BehaviourEngine engine, TimeProvider clock, Func<PortalState, IResult> read)
    {
        if (portals.Find(portalId) is not { } portal)
        {
            return HubSpotErrors.NotFound($"No portal {portalId}");
        }

        engine.AdvanceTo(portal, clock.GetUtcNow());
        return portal.Read(read);
    }

    private static int TotalEvents(BehaviourState behaviour) => behaviour.DailyCounts.Values.Sum(d => d.Values.Sum());
}
