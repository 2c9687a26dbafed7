using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Crm;

internal sealed record AssociationTypeInput(string Category, int TypeId);

internal sealed record AssociationInput(string ToId, IReadOnlyList<AssociationTypeInput> Types);

/// <summary>One object of a create/update/upsert request: its properties and associations.</summary>
internal sealed record RecordInput(IReadOnlyDictionary<string, string?> Properties, IReadOnlyList<AssociationInput> Associations, string? Id, string? IdProperty)
{
    public static (RecordInput? Input, HubSpotError? Error) Parse(JsonNode? node)
    {
        if (node is not JsonObject body)
        {
            return (null, HubSpotErrors.Validation("Invalid input JSON: each input must be an object"));
        }

        if (body["properties"] is { } props && props is not JsonObject)
        {
            return (null, HubSpotErrors.Validation("Invalid input JSON: properties must be an object"));
        }

        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (body["properties"] is JsonObject propertyObject)
        {
            foreach (var (name, value) in propertyObject)
            {
                properties[name] = JsonBody.StringOf(value);
            }
        }

        var associations = new List<AssociationInput>();
        foreach (var entry in body["associations"] as JsonArray ?? [])
        {
            var toId = JsonBody.StringOf(entry?["to"]?["id"]);
            if (toId is null)
            {
                return (null, HubSpotErrors.Validation("Invalid input JSON: associations[].to.id is required"));
            }

            var types = (entry?["types"] as JsonArray ?? [])
                .Select(t => new AssociationTypeInput(JsonBody.StringOf(t?["associationCategory"]) ?? "HUBSPOT_DEFINED", JsonBody.IntOf(t?["associationTypeId"]) ?? -1))
                .ToList();
            associations.Add(new AssociationInput(toId, types));
        }

        return (new RecordInput(properties, associations, JsonBody.StringOf(body["id"]), JsonBody.StringOf(body["idProperty"])), null);
    }
}
