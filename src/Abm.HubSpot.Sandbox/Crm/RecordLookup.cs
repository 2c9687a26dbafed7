using System.Globalization;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>Finds a record by id or by a unique property (<c>idProperty=email</c>), as single and batch calls allow.</summary>
internal static class RecordLookup
{
    public static CrmRecord? Find(PortalState state, CrmObjectType type, string id, string? idProperty, bool archived = false)
    {
        var store = state.Stores[type];
        // A purged contact is no longer in the email index (it was archived first), so only the id path needs the check.
        if (idProperty is not null && idProperty != "hs_object_id")
        {
            return idProperty == "email" && !archived ? store.FindByEmail(id) : null;
        }

        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numericId))
        {
            return null;
        }

        var record = store.Find(numericId);
        return record is not null && record.Archived == archived && !record.Purged ? record : null;
    }

    public static HubSpotError? CheckIdProperty(CrmObjectType type, string? idProperty) =>
        idProperty is null or "hs_object_id" || (idProperty == "email" && type == CrmObjectTypes.Contacts)
            ? null
            : HubSpotErrors.Validation($"{idProperty} is not a unique property of {type.Name}");
}
