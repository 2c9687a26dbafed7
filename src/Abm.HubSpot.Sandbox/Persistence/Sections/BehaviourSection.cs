using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>
/// What the behaviour simulation must remember across a restart, one document: the number of the next event it
/// produces (event ids must never repeat, or a receiver drops the buyers' new events as duplicates of old ones) and
/// who unsubscribed (they get no more marketing email). Plans are not stored: a resumed day is planned again.
/// </summary>
internal sealed class BehaviourSection : IPortalSection
{
    public string Name => "behaviour";

    public void Save(PortalState state, SectionRows rows) =>
        rows.Document(StoredJson.Write(new StoredBehaviour(state.Behaviour.NextEventNumber, [.. state.Behaviour.Unsubscribed.Order()])));

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        foreach (var row in rows)
        {
            var stored = StoredJson.Read<StoredBehaviour>(row.Data);
            state.Behaviour.NextEventNumber = stored.NextEventNumber;
            state.Behaviour.Unsubscribed.UnionWith(stored.Unsubscribed);
        }
    }

    private sealed record StoredBehaviour(long NextEventNumber, long[] Unsubscribed);
}
