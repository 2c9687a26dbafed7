using System.Globalization;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>The one place a record comes into existence, for API creates and seeding alike.</summary>
internal static class CrmRecordFactory
{
    /// <summary>The property every record carries its own id in.</summary>
    public const string IdProperty = "hs_object_id";

    public static CrmRecord Insert(PortalState state, CrmObjectType type, DateTimeOffset createdAt, IReadOnlyDictionary<string, string?> properties)
    {
        var record = new CrmRecord(state.NextId(), type, createdAt);
        foreach (var (name, value) in properties)
        {
            record.Properties[name] = value;
        }

        var stamp = HubSpotTime.Format(createdAt);
        record.Properties[IdProperty] = record.Id.ToString(CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(record.Get(type.CreatedProperty)))
        {
            record.Properties[type.CreatedProperty] = stamp;
        }

        record.Properties[type.ModifiedProperty] = stamp;
        state.Stores[type].Add(record);
        return record;
    }
}
