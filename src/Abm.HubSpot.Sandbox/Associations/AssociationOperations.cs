using System.Globalization;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Associations;

/// <summary>Checked association writes shared by the single and batch v4 endpoints.</summary>
internal static class AssociationOperations
{
    public static (long FromId, long ToId, HubSpotError? Error) Endpoints(WriteContext context, CrmObjectType from, string? fromId, CrmObjectType to, string? toId)
    {
        var source = Find(context, from, fromId);
        var target = Find(context, to, toId);
        if (source is null || target is null)
        {
            var (type, id) = source is null ? (from, fromId) : (to, toId);
            return (0, 0, HubSpotErrors.Context(HubSpotErrors.NotFound($"No {type.SingularName} with ID {id} exists"), "ids", id ?? ""));
        }

        return (source.Id, target.Id, null);
    }

    public static (AssociationKind? Kind, HubSpotError? Error) AssociateDefault(RecordWriter writer, WriteContext context, CrmObjectType from, string? fromId, CrmObjectType to, string? toId)
    {
        var (source, target, error) = Endpoints(context, from, fromId, to, toId);
        if (error is not null)
        {
            return (null, error);
        }

        if (AssociationKinds.Default(from, to) is not { } kind)
        {
            return (null, HubSpotErrors.Validation($"There is no default association from {from.Name} to {to.Name}"));
        }

        writer.Associate(context, from, source, to, target, kind);
        return (kind, null);
    }

    public static (IReadOnlyList<AssociationKind>? Kinds, HubSpotError? Error) AssociateTyped(
        RecordWriter writer, WriteContext context, CrmObjectType from, string? fromId, CrmObjectType to, string? toId, IReadOnlyList<AssociationTypeInput> types)
    {
        var (source, target, error) = Endpoints(context, from, fromId, to, toId);
        if (error is not null)
        {
            return (null, error);
        }

        var kinds = new List<AssociationKind>();
        foreach (var type in types)
        {
            if (type.Category != "HUBSPOT_DEFINED" || AssociationKinds.Find(from, to, type.TypeId) is not { } kind)
            {
                return (null, HubSpotErrors.Validation($"{type.Category} {type.TypeId} is not a valid association type from {from.Name} to {to.Name}"));
            }

            kinds.Add(kind);
        }

        foreach (var kind in kinds)
        {
            writer.Associate(context, from, source, to, target, kind);
        }

        return (kinds, null);
    }

    private static CrmRecord? Find(WriteContext context, CrmObjectType type, string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? context.Store(type).FindActive(numeric) : null;
}
