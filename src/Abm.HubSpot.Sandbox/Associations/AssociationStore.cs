using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Associations;

/// <summary>A directed association edge; both directions are always stored together.</summary>
internal sealed record AssociationLink(CrmObjectType ToType, long ToId, AssociationKind Kind);

/// <summary>Association edges of one portal. Used under the portal's lock.</summary>
internal sealed class AssociationStore
{
    private readonly Dictionary<(CrmObjectType Type, long Id), List<AssociationLink>> _links = [];

    /// <summary>Adds the edge and its reverse; returns false when it already existed.</summary>
    public bool Add(CrmObjectType fromType, long fromId, CrmObjectType toType, long toId, AssociationKind kind)
    {
        var forward = LinksOf(fromType, fromId);
        if (forward.Any(l => l.ToType == toType && l.ToId == toId && l.Kind.TypeId == kind.TypeId))
        {
            return false;
        }

        forward.Add(new AssociationLink(toType, toId, kind));
        var reverseKind = AssociationKinds.Find(toType, fromType, kind.ReverseTypeId) ?? kind;
        LinksOf(toType, toId).Add(new AssociationLink(fromType, fromId, reverseKind));
        return true;
    }

    /// <summary>Removes every edge between the two records; returns whether any existed.</summary>
    public bool RemoveBetween(CrmObjectType fromType, long fromId, CrmObjectType toType, long toId)
    {
        var removed = LinksOf(fromType, fromId).RemoveAll(l => l.ToType == toType && l.ToId == toId);
        LinksOf(toType, toId).RemoveAll(l => l.ToType == fromType && l.ToId == fromId);
        return removed > 0;
    }

    public IReadOnlyList<AssociationLink> Of(CrmObjectType fromType, long fromId, CrmObjectType toType) =>
        _links.TryGetValue((fromType, fromId), out var links)
            ? links.Where(l => l.ToType == toType).ToList()
            : [];

    public IReadOnlyList<AssociationLink> AllOf(CrmObjectType fromType, long fromId) =>
        _links.TryGetValue((fromType, fromId), out var links) ? links.ToList() : [];

    /// <summary>Every directed edge, both directions listed, for the data file.</summary>
    public IEnumerable<(CrmObjectType FromType, long FromId, AssociationLink Link)> All() =>
        _links.SelectMany(entry => entry.Value.Select(link => (entry.Key.Type, entry.Key.Id, link)));

    /// <summary>Puts back one directed edge exactly as <see cref="All"/> listed it (its reverse comes separately).</summary>
    public void Restore(CrmObjectType fromType, long fromId, AssociationLink link) => LinksOf(fromType, fromId).Add(link);

    private List<AssociationLink> LinksOf(CrmObjectType type, long id)
    {
        if (!_links.TryGetValue((type, id), out var links))
        {
            links = [];
            _links[(type, id)] = links;
        }

        return links;
    }
}
