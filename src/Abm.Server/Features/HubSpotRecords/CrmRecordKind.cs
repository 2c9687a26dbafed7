using Abm.HubSpot.Crm;
using Abm.Server.Features.Access;
using Abm.Server.Features.Sync;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// What differs between contacts, companies and deals for the record routes: the HubSpot object type, who may write,
/// what a create must carry, and the default association types used when a create names associated records.
/// </summary>
public sealed record CrmRecordKind(
    string ObjectType, string Singular, string Title, string WritePolicy, IReadOnlyList<string[]> RequiredOnCreate,
    IReadOnlyDictionary<string, AssociationTypes> Associations)
{
    public static readonly CrmRecordKind Contacts = new(
        SyncedObjects.Contacts, "contact", "Contact", AccessPolicies.Marketing, [],
        new Dictionary<string, AssociationTypes>(StringComparer.Ordinal) { [SyncedObjects.Companies] = new(279, Primary: 1) });

    public static readonly CrmRecordKind Companies = new(
        SyncedObjects.Companies, "company", "Company", AccessPolicies.Marketing, [["name", "domain"]],
        new Dictionary<string, AssociationTypes>(StringComparer.Ordinal) { [SyncedObjects.Contacts] = new(280) });

    // Sales own their deals, so sales keys write deals too.
    public static readonly CrmRecordKind Deals = new(
        SyncedObjects.Deals, "deal", "Deal", AccessPolicies.Steering, [["dealname"], ["pipeline"], ["dealstage"]],
        new Dictionary<string, AssociationTypes>(StringComparer.Ordinal) { [SyncedObjects.Companies] = new(341, Primary: 5), [SyncedObjects.Contacts] = new(3) });

    public static IReadOnlyList<CrmRecordKind> All { get; } = [Contacts, Companies, Deals];

    /// <summary>What sync reads of the type; writes read the record back with exactly this, so the local row matches a synced one.</summary>
    public CrmReadOptions SyncedRead => new() { Properties = SyncedObjects.PropertiesOf(ObjectType), Associations = SyncedObjects.AssociationsOf(ObjectType) };

    /// <summary>
    /// HubSpot's create-body associations for the named records: HubSpot-defined default types, and the first company
    /// also as the primary one (HubSpot's "primary company", which sets a contact's <c>associatedcompanyid</c>).
    /// </summary>
    public IReadOnlyList<CrmAssociationInput> AssociationInputs(IReadOnlyDictionary<string, IReadOnlyList<string>> associated) =>
    [
        .. associated.SelectMany(target => target.Value.Distinct(StringComparer.Ordinal).SelectMany((id, index) =>
            Associations[target.Key] is var types && index == 0 && types.Primary is { } primary
                ? new[] { new CrmAssociationInput(id, primary), new CrmAssociationInput(id, types.Default) }
                : [new CrmAssociationInput(id, types.Default)])),
    ];
}

/// <summary>HubSpot's default association type id from one object type to another, and its primary label's id when there is one.</summary>
public sealed record AssociationTypes(int Default, int? Primary = null);
