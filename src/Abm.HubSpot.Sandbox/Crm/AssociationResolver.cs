using System.Globalization;
using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>Turns the <c>associations</c> of a create request into checked edges (type exists, target exists).</summary>
internal static class AssociationResolver
{
    public static (List<(CrmObjectType ToType, long ToId, AssociationKind Kind)> Links, HubSpotError? Error) Resolve(
        WriteContext context, CrmObjectType fromType, IReadOnlyList<AssociationInput> inputs)
    {
        var links = new List<(CrmObjectType, long, AssociationKind)>();
        foreach (var input in inputs)
        {
            foreach (var typeInput in input.Types)
            {
                var kind = AssociationKinds.FindById(typeInput.TypeId) is { } candidate && candidate.From == fromType ? candidate : null;
                if (kind is null || typeInput.Category != "HUBSPOT_DEFINED")
                {
                    return (links, HubSpotErrors.Validation($"{typeInput.Category} {typeInput.TypeId} is not a valid association type from {fromType.UpperSingular}"));
                }

                if (!long.TryParse(input.ToId, NumberStyles.None, CultureInfo.InvariantCulture, out var toId)
                    || context.Store(kind.To).FindActive(toId) is null)
                {
                    return (links, HubSpotErrors.Validation($"One or more associations are invalid: {kind.To.UpperSingular} {input.ToId} does not exist"));
                }

                links.Add((kind.To, toId, kind));
            }
        }

        return (links, null);
    }
}
