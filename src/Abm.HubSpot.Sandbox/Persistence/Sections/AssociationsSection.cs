using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>Every association edge, each direction with its own kind.</summary>
internal sealed class AssociationsSection : IPortalSection
{
    public string Name => "associations";

    public string Save(PortalState state) => StoredJson.Write(
        state.Associations.All().Select(e => new StoredEdge(
            e.FromType.Name, e.FromId, e.Link.ToType.Name, e.Link.ToId, e.Link.Kind.From.Name, e.Link.Kind.To.Name, e.Link.Kind.TypeId)).ToList());

    public void Load(PortalState state, string data)
    {
        foreach (var edge in StoredJson.Read<List<StoredEdge>>(data))
        {
            var kind = AssociationKinds.Find(Type(edge.KindFrom), Type(edge.KindTo), edge.KindTypeId)
                ?? throw new InvalidDataException($"Unknown association type {edge.KindTypeId} in the data file.");
            state.Associations.Restore(Type(edge.FromType), edge.FromId, new AssociationLink(Type(edge.ToType), edge.ToId, kind));
        }
    }

    private static CrmObjectType Type(string name) =>
        CrmObjectTypes.Find(name) ?? throw new InvalidDataException($"Unknown object type '{name}' in the data file.");

    private sealed record StoredEdge(string FromType, long FromId, string ToType, long ToId, string KindFrom, string KindTo, int KindTypeId);
}
