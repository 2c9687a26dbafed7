using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Abm.Server.Tests.Fuzz;

/// <summary>
/// Builds a plausible JSON value for an OpenAPI schema (references resolved), using values the server knows for
/// well-known field names, so that most mutated cases still get past the first check and reach the handler.
/// </summary>
public sealed class JsonSampler(JsonElement document, FuzzWorld world)
{
    private static readonly string[] EventTypes = ["email_open", "email_click", "website_visit", "content_download", "social_share", "webinar_attendance", "demo_request", "pricing_inquiry", "form_submission", "meeting_booked"];

    public JsonNode? Sample(JsonElement schema, Random random, string? name = null, int depth = 0)
    {
        schema = Resolve(schema);
        if (name is not null && KnownValue(name, random) is { } known)
        {
            return known;
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options) && options.GetArrayLength() > 0)
            {
                var candidates = options.EnumerateArray().Where(o => !IsNullType(Resolve(o))).ToList();
                return candidates.Count == 0 ? null : Sample(candidates[random.Next(candidates.Count)], random, name, depth);
            }
        }

        return TypeOf(schema) switch
        {
            "object" => SampleObject(schema, random, depth),
            "array" when depth < 6 => new JsonArray([.. Enumerable.Range(0, random.Next(1, 3))
                .Select(_ => schema.TryGetProperty("items", out var items) ? Sample(items, random, null, depth + 1) : null)]),
            "array" => new JsonArray(),
            "integer" => JsonValue.Create(random.Next(1, 100)),
            "number" => JsonValue.Create(Math.Round(random.NextDouble() * 10, 2)),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "null" => null,
            _ => SampleString(schema, random),
        };
    }

    private JsonObject SampleObject(JsonElement schema, Random random, int depth)
    {
        var result = new JsonObject();
        if (depth < 6 && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Sample(property.Value, random, property.Name, depth + 1);
            }
        }

        if (depth < 6 && schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object)
        {
            result[EventTypes[random.Next(EventTypes.Length)]] = Sample(extra, random, null, depth + 1);
        }

        return result;
    }

    private JsonValue SampleString(JsonElement schema, Random random) => (schema.TryGetProperty("format", out var format) ? format.GetString() : null) switch
    {
        "uuid" => JsonValue.Create(world.KnownIds[random.Next(world.KnownIds.Count)]),
        "date-time" => JsonValue.Create(world.Now.AddMinutes(-random.Next(0, 100_000)).ToString("O", CultureInfo.InvariantCulture)),
        "uri" => JsonValue.Create("https://example.com/" + random.Next(1000)),
        _ => JsonValue.Create($"fuzz {random.Next(100_000)}"),
    };

    private JsonNode? KnownValue(string name, Random random) => name switch
    {
        "type" => JsonValue.Create(EventTypes[random.Next(EventTypes.Length)]),
        "occurredAt" or "publishedAt" => JsonValue.Create(world.Now.AddMinutes(-random.Next(0, 100_000)).ToString("O", CultureInfo.InvariantCulture)),
        "contactEmail" => JsonValue.Create(world.ContactEmail),
        "contactHubSpotId" => JsonValue.Create(world.ContactHubSpotId),
        "contentId" => JsonValue.Create(world.ContentId),
        "contentType" => JsonValue.Create(random.Next(2) == 0 ? "whitepaper" : "blog_post"),
        "complexity" => JsonValue.Create("basic"),
        "role" => JsonValue.Create(new[] { "admin", "marketer", "sales", "viewer" }[random.Next(4)]),
        "operator" => JsonValue.Create(new[] { "contains", "equals", "is_known" }[random.Next(3)]),
        "segment" => JsonValue.Create($"fuzz_{random.Next(1000)}"),
        "property" => JsonValue.Create("company"),
        "stage" => JsonValue.Create(new[] { "awareness", "consideration", "decision" }[random.Next(3)]),
        "url" => JsonValue.Create($"https://example.com/{random.Next(1000)}"),
        "accessToken" => JsonValue.Create($"pat-na1-{random.Next():x8}-fuzz"),
        "portalId" or "hubSpotPortalId" => JsonValue.Create(random.Next(1, 99_999_999).ToString(CultureInfo.InvariantCulture)),
        "sync_type" => JsonValue.Create("incremental"),
        "targetPersonas" or "targetJourneyStages" or "targetIndustries" => new JsonArray(),
        "t" => JsonValue.Create(world.TrackingToken),
        _ => null,
    };

    private JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    private static bool IsNullType(JsonElement schema) => TypeOf(schema) == "null";

    /// <summary>OpenAPI 3.1 types may be lists (["string", "null"], ["integer", "string"]); the first real one counts.</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null"
            : type.GetString();
    }
}
