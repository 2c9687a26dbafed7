using System.Text.Json;
using System.Text.Json.Nodes;

namespace Abm.HubSpot.Sandbox.Http;

/// <summary>
/// Reads request bodies by hand so that a wrong media type or malformed JSON gets HubSpot's 415/400
/// bodies instead of the framework's own error shape.
/// </summary>
internal static class JsonBody
{
    public static async Task<(JsonNode? Body, HubSpotError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType;
        if (contentType is not null && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new HubSpotError(StatusCodes.Status415UnsupportedMediaType, "VALIDATION_ERROR", $"Unsupported media type: {contentType}"));
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return node is null
                ? (null, HubSpotErrors.Validation("Invalid input JSON: the request body is empty"))
                : (node, null);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            return (null, HubSpotErrors.Validation($"Invalid input JSON on line {line}, column {column}: {exception.Message}"));
        }
    }

    /// <summary>Reads a body that must be a JSON object.</summary>
    public static async Task<(JsonObject? Body, HubSpotError? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (node, error) = await ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        return node is JsonObject body
            ? (body, null)
            : (null, HubSpotErrors.Validation("Invalid input JSON: expected an object"));
    }

    public static string? StringOf(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    public static int? IntOf(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, out var parsed) => parsed,
        _ => null,
    };

    public static IReadOnlyList<string> StringsOf(JsonNode? node) => node is JsonArray array
        ? array.Select(StringOf).OfType<string>().ToList()
        : [];
}
