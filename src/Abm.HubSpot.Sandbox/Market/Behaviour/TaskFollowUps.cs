using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// Sales tasks the engine creates for a seeded buyer (CRM tasks associated to the contact) are worked by the
/// owner a few hours to two days later (then marked completed) and sometimes end in a meeting (<see cref="ContentResponseModel.TaskMeetingChance"/>).
/// Tasks are noticed when the simulation next runs; one associated only later is looked at again for a day.
/// </summary>
internal static class TaskFollowUps
{
    private static readonly TimeSpan AssociationGrace = TimeSpan.FromDays(1);

    public static void Schedule(PortalState state, BehaviourState behaviour)
    {
        var tasks = state.Stores[CrmObjectTypes.Tasks];
        var fresh = tasks.Ordered.Skip(tasks.IndexAfter(behaviour.LastTaskIdSeen)).Select(t => t.Id).ToList();
        if (fresh.Count > 0)
        {
            behaviour.LastTaskIdSeen = fresh[^1];
        }

        var waiting = behaviour.TasksAwaitingContact.Concat(fresh).ToList();
        behaviour.TasksAwaitingContact.Clear();
        foreach (var task in waiting.Select(tasks.FindActive).OfType<CrmRecord>())
        {
            var buyer = state.ActiveLinks(CrmObjectTypes.Tasks, task.Id, CrmObjectTypes.Contacts)
                .Select(l => l.ToId).Where(state.Market.Buyers.Contacts.ContainsKey).Order().FirstOrDefault();
            if (buyer != 0)
            {
                var from = task.CreatedAt > behaviour.SimulatedUntil ? task.CreatedAt : behaviour.SimulatedUntil;
                var delay = MarketSeed.Uniform(state.Seed, MarketSeed.Tasks, buyer, task.Id);
                behaviour.Schedule(new Happening(from.AddHours(2 + (46 * delay)), HappeningKind.TaskFollowUp, buyer, HappeningCause.Task, SourceId: task.Id));
            }
            else if (task.CreatedAt + AssociationGrace > behaviour.SimulatedUntil)
            {
                behaviour.TasksAwaitingContact.Add(task.Id);
            }
        }
    }

    /// <summary>The owner works the task: it is marked completed in HubSpot, and it may end in a meeting.</summary>
    public static void FollowUp(RecordWriter writer, WriteContext context, BehaviourState behaviour, Happening happening)
    {
        if (context.Store(CrmObjectTypes.Tasks).FindActive(happening.SourceId) is { } task && task.Get("hs_task_status") != "COMPLETED")
        {
            writer.Update(context, task, new Dictionary<string, string?> { ["hs_task_status"] = "COMPLETED", ["hs_task_completion_date"] = Http.HubSpotTime.Format(context.Now) });
        }

        var market = context.State.Market;
        var buyer = market.Buyers.Contacts[happening.ContactId];
        var chance = new ContentResponseModel(market).TaskMeetingChance(buyer, context.Now);
        if (MarketSeed.Uniform(context.State.Seed, MarketSeed.Tasks, buyer.ContactId, happening.SourceId ^ context.Now.UtcTicks) < chance)
        {
            behaviour.Schedule(happening with { At = context.Now.AddHours(1), Kind = HappeningKind.Meeting });
        }
    }
}
