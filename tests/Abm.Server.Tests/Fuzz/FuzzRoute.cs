using System.Text.Json;

namespace Abm.Server.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document: where it lives, what it takes, and the schema of its JSON body.</summary>
public sealed record FuzzRoute(string Method, string Template, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters, JsonElement? BodySchema, string? BodyMediaType)
{
    public string Name => $"{Method} {Template}";

    public bool TakesCsv => BodyMediaType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Every operation of the document, in the order it lists them (so seeds give the same cases every run).</summary>
    public static List<FuzzRoute> FromOpenApi(JsonElement document)
    {
        var routes = new List<FuzzRoute>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                string[] Named(string where) => [.. parameters.Where(p => p.GetProperty("in").GetString() == where).Select(p => p.GetProperty("name").GetString()!)];
                JsonElement? schema = null;
                string? mediaType = null;
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    var first = content.EnumerateObject().First();
                    mediaType = first.Name;
                    schema = first.Value.TryGetProperty("schema", out var found) ? found : null;
                }

                routes.Add(new FuzzRoute(operation.Name.ToUpperInvariant(), path.Name, Named("path"), Named("query"), schema, mediaType));
            }
        }

        return routes;
    }
}
