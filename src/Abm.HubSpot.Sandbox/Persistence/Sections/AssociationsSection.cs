using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>
/// Every association edge, each direction with its own kind: one row per record holding the edges from it, keyed by
/// its id; a save rewrites the rows of the records whose edges changed and drops those left without any.
/// </summary>
internal sealed class AssociationsSection : IPortalSection
{
    public string Name => "associations";

    public void Save(PortalState state, SectionRows rows)
    {
        var associations = state.Associations;
        var changed = associations.Unsaved.Take();
        if (rows.Everything)
        {
            foreach (var edges in associations.All().GroupBy(e => e.FromId))
            {
                rows.Put(edges.Key, Write(edges.Select(e => (e.FromType, e.Link))));
            }

            return;
        }

        foreach (var fromId in changed)
        {
            var edges = associations.AllFrom(fromId).ToList();
            if (edges.Count == 0)
            {
                rows.Delete(fromId);
            }
            else
            {
                rows.Put(fromId, Write(edges));
            }
        }
    }

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        foreach (var row in rows)
        {
            foreach (var edge in StoredJson.Read<List<StoredEdge>>(row.Data))
            {
                var kind = AssociationKinds.Find(Type(edge.KindFrom), Type(edge.KindTo), edge.KindTypeId)
                    ?? throw new InvalidDataException($"Unknown association type {edge.KindTypeId} in the data file.");
                state.Associations.Restore(Type(edge.FromType), row.Key, new AssociationLink(Type(edge.ToType), edge.ToId, kind));
            }
        }

        state.Associations.Unsaved.Clear();
    }

    private static string Write(IEnumerable<(CrmObjectType FromType, AssociationLink Link)> edges) => StoredJson.Write(
        edges.Select(e => new StoredEdge(e.FromType.Name, e.Link.ToType.Name, e.Link.ToId, e.Link.Kind.From.Name, e.Link.Kind.To.Name, e.Link.Kind.TypeId)).ToList());

    private static CrmObjectType Type(string name) =>
        CrmObjectTypes.Find(name) ?? throw new InvalidDataException($"Unknown object type '{name}' in the data file.");

    private sealed record StoredEdge(string FromType, string ToType, long ToId, string KindFrom, string KindTo, int KindTypeId);
}
