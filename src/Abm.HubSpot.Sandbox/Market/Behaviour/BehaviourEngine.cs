using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Email;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// Moves a portal's simulated buyers forward on the simulated clock. Each UTC day is planned as it starts
/// (deals move, every buyer's organic activity is drawn) and every scheduled action is applied in time order,
/// through the portal's normal state, so email events, CRM writes and their webhooks look like real ones.
/// What happens depends only on the seed, the simulated moments and the sends made, never on how the run is
/// cut into calls, which keeps the world reproducible whatever the clock speed.
/// </summary>
internal sealed class BehaviourEngine(RecordWriter writer, BuyerActions actions, SandboxOptions options, Persistence.ChangeTracker changes)
{
    /// <summary>Runs the portal up to <paramref name="to"/>, a day at a time so API calls are never held up long.</summary>
    public void AdvanceTo(Portal portal, DateTimeOffset to)
    {
        while (options.SimulateBehaviour)
        {
            lock (portal.Gate)
            {
                var context = new WriteContext(portal, portal.State, to);
                var behaviour = Start(context);
                if (behaviour.SimulatedUntil >= to)
                {
                    return;
                }

                Run(context, Min(to, behaviour.NextDayStart));
            }
        }
    }

    /// <summary>Brings the portal up to the context's "now"; the caller holds the portal's lock.</summary>
    public void CatchUp(WriteContext context)
    {
        if (!options.SimulateBehaviour)
        {
            return;
        }

        var behaviour = Start(context);
        while (behaviour.SimulatedUntil < context.Now)
        {
            Run(context, Min(context.Now, behaviour.NextDayStart));
        }
    }

    /// <summary>Reacts to a transactional email the engine sent; the caller holds the portal's lock.</summary>
    public void OnSend(WriteContext context, TransactionalSend send)
    {
        if (!options.SimulateBehaviour)
        {
            return;
        }

        CatchUp(context);
        SendReactions.Schedule(context, Start(context), send);
    }

    private static BehaviourState Start(WriteContext context)
    {
        var behaviour = context.State.Behaviour;
        if (!behaviour.Started)
        {
            var market = context.State.Market;
            behaviour.Started = true;
            // A portal read back from the data file already holds what its buyers did before the restart, and
            // their pending plans are not stored: the day it resumes in is planned again (each buyer's day is drawn
            // from the seed and the date alone, so it is the same plan) and only its rest happens.
            var from = context.State.RestoredFromFile ? context.Now : context.State.SeededAt;
            behaviour.SimulatedUntil = from;
            behaviour.PlanFrom = from;
            behaviour.NextDayStart = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero);
            behaviour.Relevance = new RelevanceCache(market.Catalogue);
            behaviour.Buyers = market.Buyers.Contacts.Values.OrderBy(c => c.ContactId).ToArray();
        }

        return behaviour;
    }

    // Applies everything due up to `until` (inclusive); a day's plan comes before actions at the same instant.
    private void Run(WriteContext context, DateTimeOffset until)
    {
        // Changes made without a request: the data file must still save them.
        changes.MarkChanged();
        var behaviour = context.State.Behaviour;
        TaskFollowUps.Schedule(context.State, behaviour);
        while (true)
        {
            var hasNext = behaviour.Pending.TryPeek(out var next, out _);
            if (behaviour.NextDayStart <= until && (!hasNext || next!.At >= behaviour.NextDayStart))
            {
                StartDay(context, behaviour);
            }
            else if (hasNext && next!.At <= until)
            {
                behaviour.Pending.Dequeue();
                actions.Apply(context with { Now = next.At }, behaviour, next);
            }
            else
            {
                break;
            }
        }

        // The first day is planned from its midnight, which can lie before the moment of seeding.
        behaviour.SimulatedUntil = until > behaviour.SimulatedUntil ? until : behaviour.SimulatedUntil;
    }

    private void StartDay(WriteContext context, BehaviourState behaviour)
    {
        var dayStart = behaviour.NextDayStart;
        behaviour.NextDayStart = dayStart.AddDays(1);
        var seededAt = context.State.SeededAt;
        // On the day a restored portal resumes, its deals already moved before the restart.
        if (!(context.State.RestoredFromFile && dayStart < behaviour.PlanFrom))
        {
            new DealProgress(writer).Advance(context with { Now = dayStart < seededAt ? seededAt : dayStart }, behaviour);
        }

        OrganicDay.Plan(context.State, behaviour, dayStart);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
