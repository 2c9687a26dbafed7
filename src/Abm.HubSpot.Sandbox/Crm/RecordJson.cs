using System.Globalization;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>Shapes stored records into responses: which properties appear and how associations are listed.</summary>
internal static class RecordJson
{
    /// <summary>
    /// <c>requested</c> null means the type's default properties; <c>written</c> are the properties a
    /// create or update just set, which HubSpot echoes. For one record; pages share one selection (the overload below).
    /// </summary>
    public static RecordResponse Of(
        CrmRecord record,
        IReadOnlyList<string>? requested,
        PortalState? state = null,
        IReadOnlyList<CrmObjectType>? associations = null,
        IEnumerable<string>? written = null,
        bool? isNew = null) =>
        Of(record, PropertySelection.For(record.Type, requested, state?.Schemas[record.Type], written), state, associations, isNew);

    /// <summary><c>source</c> replaces the live values (search lag).</summary>
    public static RecordResponse Of(
        CrmRecord record,
        PropertySelection shown,
        PortalState? state = null,
        IReadOnlyList<CrmObjectType>? associations = null,
        bool? isNew = null,
        IReadOnlyDictionary<string, string?>? source = null) =>
        new(
            record.Id.ToString(CultureInfo.InvariantCulture),
            shown.Of(source ?? record.Properties),
            HubSpotTime.Format(record.CreatedAt),
            HubSpotTime.Format(record.UpdatedAt),
            record.Archived,
            record.ArchivedAt is { } archivedAt ? HubSpotTime.Format(archivedAt) : null,
            AssociationsOf(record, state, associations),
            isNew);

    private static Dictionary<string, AssociationResults>? AssociationsOf(CrmRecord record, PortalState? state, IReadOnlyList<CrmObjectType>? types)
    {
        if (state is null || types is not { Count: > 0 })
        {
            return null;
        }

        var result = new Dictionary<string, AssociationResults>(StringComparer.Ordinal);
        foreach (var toType in types.Distinct())
        {
            var refs = state.ActiveLinks(record.Type, record.Id, toType)
                .Select(l => new AssociationRef(l.ToId.ToString(CultureInfo.InvariantCulture), l.Kind.Name))
                .ToList();
            if (refs.Count > 0)
            {
                result[toType.Name] = new AssociationResults(refs);
            }
        }

        return result.Count > 0 ? result : null;
    }
}
