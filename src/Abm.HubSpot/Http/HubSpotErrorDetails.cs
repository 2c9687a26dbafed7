using System.Net;
using System.Text.Json;

namespace Abm.HubSpot;

/// <summary>What one failed call told us, read from HubSpot's error body (every field optional) and headers.</summary>
internal sealed record HubSpotErrorDetails(
    string Operation,
    HttpStatusCode StatusCode,
    string? Category,
    string? Message,
    string? CorrelationId,
    string? PolicyName,
    TimeSpan? RetryAfter)
{
    /// <summary>The properties HubSpot's <c>errors[].context.propertyName</c> name (a validation error names the bad ones).</summary>
    public IReadOnlyList<string> PropertyNames { get; init; } = [];

    public const string ExpiredAuthentication = "EXPIRED_AUTHENTICATION";
    public const string DailyPolicy = "DAILY";

    public static HubSpotErrorDetails Parse(string operation, HttpStatusCode status, string body, TimeSpan? retryAfter)
    {
        string? category = null, message = null, correlationId = null, policyName = null;
        List<string> propertyNames = [];
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                // 429 bodies name the category errorType; OAuth errors put it in error.
                category = Text(root, "category") ?? Text(root, "errorType") ?? Text(root, "error");
                message = Text(root, "message") ?? Text(root, "error_description");
                correlationId = Text(root, "correlationId");
                policyName = Text(root, "policyName");
                propertyNames = PropertyNamesOf(root);
            }
        }
        catch (JsonException)
        {
            message = body.Length > 200 ? body[..200] : body;
        }

        return new HubSpotErrorDetails(operation, status, category, message, correlationId, policyName, retryAfter) { PropertyNames = propertyNames };
    }

    private static List<string> PropertyNamesOf(JsonElement root) =>
        root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? [.. errors.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
                    && context.TryGetProperty("propertyName", out var names) && names.ValueKind == JsonValueKind.Array)
                .SelectMany(e => e.GetProperty("context").GetProperty("propertyName").EnumerateArray())
                .Where(n => n.ValueKind == JsonValueKind.String)
                .Select(n => n.GetString()!)
                .Distinct(StringComparer.Ordinal)]
            : [];

    /// <summary>An attempt that got no usable answer: a dropped connection, a timeout or an unreadable body.</summary>
    public static HubSpotErrorDetails NoAnswer(string operation, string reason) =>
        new(operation, 0, "NO_RESPONSE", reason, null, null, null);

    public string Describe()
    {
        var status = StatusCode == 0 ? "no usable response" : $"{(int)StatusCode} {Category ?? StatusCode.ToString()}";
        var correlation = CorrelationId is null ? "" : $" (correlationId {CorrelationId})";
        return $"HubSpot {Operation} failed: {status}: {Message ?? "no message"}{correlation}";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
