using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Associations;

/// <summary>HubSpot's default association type ids (unlabeled and primary) between the served object types.</summary>
internal static class AssociationKinds
{
    private static readonly List<AssociationKind> All = [];

    static AssociationKinds()
    {
        var c = CrmObjectTypes.Contacts;
        var co = CrmObjectTypes.Companies;
        var d = CrmObjectTypes.Deals;
        Pair(c, co, 279, 280, unlabeled: true);
        Pair(c, co, 1, 2, unlabeled: false);
        Pair(d, co, 341, 342, unlabeled: true);
        Pair(d, co, 5, 6, unlabeled: false);
        Pair(d, c, 3, 4, unlabeled: false);
        Pair(CrmObjectTypes.Tasks, c, 204, 203, unlabeled: false);
        Pair(CrmObjectTypes.Tasks, co, 192, 191, unlabeled: false);
        Pair(CrmObjectTypes.Tasks, d, 216, 215, unlabeled: false);
        Pair(CrmObjectTypes.Notes, c, 202, 201, unlabeled: false);
        Pair(CrmObjectTypes.Notes, co, 190, 189, unlabeled: false);
        Pair(CrmObjectTypes.Notes, d, 214, 213, unlabeled: false);
        Pair(CrmObjectTypes.Meetings, c, 200, 199, unlabeled: false);
        Pair(CrmObjectTypes.Meetings, co, 188, 187, unlabeled: false);
        Pair(CrmObjectTypes.Meetings, d, 212, 211, unlabeled: false);
    }

    public static AssociationKind? Find(CrmObjectType from, CrmObjectType to, int typeId) =>
        All.FirstOrDefault(k => k.From == from && k.To == to && k.TypeId == typeId);

    public static AssociationKind? FindById(int typeId) => All.FirstOrDefault(k => k.TypeId == typeId);

    /// <summary>The type used by the "default" association endpoints: the unlabeled one where HubSpot has it.</summary>
    public static AssociationKind? Default(CrmObjectType from, CrmObjectType to) =>
        All.FirstOrDefault(k => k.From == from && k.To == to && k.Label is null);

    private static void Pair(CrmObjectType from, CrmObjectType to, int typeId, int reverseId, bool unlabeled)
    {
        // Primary company associations carry the "Primary" label; every other default type is unlabeled.
        var isPrimary = !unlabeled && to == CrmObjectTypes.Companies && from is { Name: "contacts" or "deals" };
        var label = isPrimary ? "Primary" : null;
        var suffix = unlabeled ? "_unlabeled" : "";
        All.Add(new AssociationKind(from, to, typeId, reverseId, $"{from.SingularName}_to_{to.SingularName}{suffix}", label));
        All.Add(new AssociationKind(to, from, reverseId, typeId, $"{to.SingularName}_to_{from.SingularName}{suffix}", label));
    }
}
