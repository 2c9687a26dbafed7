using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Abm.Server.Tests.Fuzz;

/// <summary>
/// Derives a route's cases from its OpenAPI description. Each case starts from a plausible request and damages one
/// thing: a value anywhere in the body, nulls in arrays, control characters, the raw bytes, the content type, the
/// query or the path. The seed is fixed per route, so every run sends the same requests.
/// </summary>
public sealed class FuzzCases(JsonSampler sampler, FuzzWorld world)
{
    public const string WebhookRoute = "/webhooks/hubspot";
    public const string CollectRoute = "/t/collect";

    private static readonly string[] Kinds = ["valid", "bad-value", "bad-value", "null-at-depth", "null-in-arrays", "missing-or-extra", "raw-body", "content-type", "query-and-path", "control-characters"];

    public IEnumerable<FuzzCase> For(FuzzRoute route, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var random = new Random(Seed(route.Name) + i);
            yield return Create(route, Kinds[i % Kinds.Length], i / Kinds.Length, random);
        }
    }

    private FuzzCase Create(FuzzRoute route, string kind, int round, Random random)
    {
        var url = Url(route, random, fuzz: kind == "query-and-path");
        var contentType = route.TakesCsv ? "text/csv" : route.Template == CollectRoute && random.Next(2) == 0 ? "text/plain" : "application/json";
        if (route.TakesCsv)
        {
            return new FuzzCase(route.Name, "broken-csv", route.Method, url, BrokenCsv.Create(random, route.Template.Contains("events", StringComparison.Ordinal), world),
                kind == "content-type" ? BadValues.ContentTypes[random.Next(BadValues.ContentTypes.Length)] : contentType);
        }

        var body = Template(route, random);
        if (body is null && route.Method is "GET" or "DELETE")
        {
            return kind switch
            {
                "raw-body" or "content-type" => new FuzzCase(route.Name, kind, route.Method, url, BadValues.RawBody(random), BadValues.ContentTypes[random.Next(BadValues.ContentTypes.Length)]),
                _ => new FuzzCase(route.Name, "query-and-path", route.Method, Url(route, random, fuzz: true), null, null),
            };
        }

        var slots = JsonMutations.Slots(body);
        (JsonNode, string?, int)? Pick(int index) => slots.Count == 0 || index % (slots.Count + 1) == slots.Count ? null : slots[index % (slots.Count + 1)];
        switch (kind)
        {
            case "bad-value":
                body = JsonMutations.Replace(body, Pick(random.Next(slots.Count + 1)), BadValues.Value(random));
                break;
            case "null-at-depth":
                body = JsonMutations.Replace(body, Pick(round), null);
                break;
            case "null-in-arrays":
                body = JsonMutations.NullInEveryArray(body);
                break;
            case "missing-or-extra" when body is JsonObject obj && obj.Count > 0 && random.Next(2) == 0:
                obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                break;
            case "missing-or-extra" when body is JsonObject obj:
                obj[$"unknown{random.Next(10)}"] = BadValues.Value(random);
                break;
            case "raw-body":
                return new FuzzCase(route.Name, kind, route.Method, url, BadValues.RawBody(random), contentType, route.Template == WebhookRoute);
            case "content-type":
                contentType = BadValues.ContentTypes[random.Next(BadValues.ContentTypes.Length)];
                break;
            case "control-characters":
                body = JsonMutations.ControlCharactersInEveryString(body, random);
                break;
        }

        var bytes = body is null ? "null"u8.ToArray() : Encoding.UTF8.GetBytes(body.ToJsonString());
        return new FuzzCase(route.Name, kind, route.Method, url, bytes, contentType, route.Template == WebhookRoute);
    }

    /// <summary>A plausible body: from the schema, or for the two routes that read their body themselves, from what their callers send.</summary>
    private JsonNode? Template(FuzzRoute route, Random random) => route.Template switch
    {
        WebhookRoute => new JsonArray([.. Enumerable.Range(0, random.Next(1, 4)).Select(i => (JsonNode)new JsonObject
        {
            ["eventId"] = i + 1, ["subscriptionId"] = 7, ["portalId"] = 990_000_001, ["appId"] = 1,
            ["occurredAt"] = world.Now.ToUnixTimeMilliseconds(), ["subscriptionType"] = random.Next(2) == 0 ? "contact.propertyChange" : "contact.merge",
            ["attemptNumber"] = 0, ["objectId"] = random.Next(1, 1_000_000), ["changeSource"] = "CRM", ["propertyName"] = "email",
            ["propertyValue"] = "a@example.com", ["mergedObjectIds"] = new JsonArray(random.Next(1, 100)), ["primaryObjectId"] = 5,
        })]),
        CollectRoute => new JsonObject
        {
            ["t"] = world.TrackingToken, ["type"] = random.Next(2) == 0 ? "website_visit" : "content_download", ["contentId"] = world.ContentId.ToString(),
            ["url"] = "https://example.com/guide", ["durationSeconds"] = random.Next(0, 600), ["eventId"] = $"e-{random.Next()}",
        },
        _ when route.BodySchema is { } schema => sampler.Sample(schema, random),
        _ => null,
    };

    private string Url(FuzzRoute route, Random random, bool fuzz)
    {
        var path = route.Template;
        foreach (var name in route.PathParameters)
        {
            var value = fuzz ? BadValues.PathValue(random, world) : world.KnownIds[random.Next(world.KnownIds.Count)].ToString();
            path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        }

        if (route.QueryParameters.Count == 0)
        {
            return path;
        }

        var query = route.QueryParameters.Select(name => $"{name}={(fuzz ? BadValues.QueryValue(random) : random.Next(1, 50).ToString(CultureInfo.InvariantCulture))}");
        return $"{path}?{string.Join('&', query)}";
    }

    /// <summary>FNV-1a over the route name: string.GetHashCode differs between processes.</summary>
    private static int Seed(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x3FFFFFFF);
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
