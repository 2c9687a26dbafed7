using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Persistence;

namespace Abm.HubSpot.Sandbox.Associations;

/// <summary>A directed association edge; both directions are always stored together.</summary>
internal sealed record AssociationLink(CrmObjectType ToType, long ToId, AssociationKind Kind);

/// <summary>Association edges of one portal. Used under the portal's lock.</summary>
internal sealed class AssociationStore
{
    private readonly Dictionary<(CrmObjectType Type, long Id), List<AssociationLink>> _links = [];

    /// <summary>Ids of the records whose edges changed since the data file last saved them.</summary>
    public UnsavedKeys Unsaved { get; } = new();

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

    /// <summary>
    /// The edges from every record with this id, whatever its type, as the data file keeps them together (ids are unique
    /// across types in a portal, so this is one record's edges).
    /// </summary>
    public IEnumerable<(CrmObjectType FromType, AssociationLink Link)> AllFrom(long fromId) =>
        CrmObjectTypes.All.SelectMany(type => _links.TryGetValue((type, fromId), out var links)
            ? links.Select(link => (type, link))
            : []);

    /// <summary>Puts back one directed edge exactly as <see cref="All"/> listed it (its reverse comes separately).</summary>
    public void Restore(CrmObjectType fromType, long fromId, AssociationLink link) => LinksOf(fromType, fromId).Add(link);

    // Every change goes through here, so this is where the data file learns what to save.
    private List<AssociationLink> LinksOf(CrmObjectType type, long id)
    {
        Unsaved.Mark(id);
        if (!_links.TryGetValue((type, id), out var links))
        {
            links = [];
            _links[(type, id)] = links;
        }

        return links;
    }
}
