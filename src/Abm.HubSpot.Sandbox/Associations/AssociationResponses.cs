using System.Globalization;
using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Associations;

internal sealed record ObjectRef(string Id);

internal sealed record AssociationSpec(string AssociationCategory, int AssociationTypeId);

internal sealed record DefaultAssociationResult(ObjectRef From, ObjectRef To, AssociationSpec AssociationSpec);

internal sealed record AssociationTypeResponse(string Category, int TypeId, string? Label);

internal sealed record AssociatedObject(long ToObjectId, IReadOnlyList<AssociationTypeResponse> AssociationTypes);

internal sealed record LabelledAssociation(string FromObjectTypeId, long FromObjectId, string ToObjectTypeId, long ToObjectId, IReadOnlyList<string> Labels);

internal sealed record BatchReadAssociation(ObjectRef From, IReadOnlyList<AssociatedObject> To);

/// <summary>Shapes association edges into the v4 API's responses.</summary>
internal static class AssociationResponses
{
    public static IReadOnlyList<AssociatedObject> Grouped(IEnumerable<AssociationLink> links) => links
        .GroupBy(l => l.ToId)
        .Select(g => new AssociatedObject(g.Key, g.Select(l => new AssociationTypeResponse("HUBSPOT_DEFINED", l.Kind.TypeId, l.Kind.Label)).ToList()))
        .ToList();

    public static LabelledAssociation Labelled(CrmObjectType from, long fromId, CrmObjectType to, long toId, IEnumerable<AssociationKind> kinds) =>
        new(from.TypeId, fromId, to.TypeId, toId, kinds.Select(k => k.Label).OfType<string>().ToList());

    public static IEnumerable<DefaultAssociationResult> DefaultPair(long fromId, long toId, AssociationKind kind)
    {
        var from = new ObjectRef(fromId.ToString(CultureInfo.InvariantCulture));
        var to = new ObjectRef(toId.ToString(CultureInfo.InvariantCulture));
        yield return new DefaultAssociationResult(from, to, new AssociationSpec("HUBSPOT_DEFINED", kind.TypeId));
        yield return new DefaultAssociationResult(to, from, new AssociationSpec("HUBSPOT_DEFINED", kind.ReverseTypeId));
    }
}
