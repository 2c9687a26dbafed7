using System.Globalization;
using System.Text.Json;

namespace Abm.Server.Features.Imports.Ga4;

/// <summary>
/// What the import reads of one row of a GA4 BigQuery export: the event, when it happened, who (the site's own
/// <c>user_id</c> and GA4's browser id <c>user_pseudo_id</c>) and the event parameters it maps.
/// </summary>
internal sealed record Ga4Row(
    string EventName, DateTimeOffset OccurredAt, string? UserId, string? UserPseudoId,
    string? PageLocation, string? PageTitle, string? LinkUrl, string? FileName, long? PercentScrolled, string? FormId)
{
    /// <summary>The row, or the reasons it cannot be read; <paramref name="line"/> is one line of newline-delimited JSON.</summary>
    public static (Ga4Row? Row, string? Error) Parse(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException error)
        {
            return (null, $"The line is not valid JSON: {error.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The line is not a JSON object.");
            }

            if (Text(root, "event_name") is not { Length: > 0 } name)
            {
                return (null, "event_name is missing.");
            }

            if (Integer(root, "event_timestamp") is not { } micros || micros <= 0 || micros > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() * 1000)
            {
                return (null, "event_timestamp is missing or not microseconds since 1970.");
            }

            var parameters = Parameters(root);
            return (new Ga4Row(
                name, DateTimeOffset.UnixEpoch.AddTicks(micros * (TimeSpan.TicksPerMillisecond / 1000)), Text(root, "user_id"), Text(root, "user_pseudo_id"),
                parameters.Text("page_location"), parameters.Text("page_title"), parameters.Text("link_url"), parameters.Text("file_name"),
                parameters.Integer("percent_scrolled"), parameters.Text("form_id")), null);
        }
    }

    /// <summary>A field as text: strings as they are, numbers as written (BigQuery writes INT64 as either).</summary>
    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static long? Integer(JsonElement element, string name) =>
        long.TryParse(Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>event_params: <c>[{key, value: {string_value | int_value | double_value | float_value}}]</c>.</summary>
    private static EventParameters Parameters(JsonElement root)
    {
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("event_params", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in list.EnumerateArray())
            {
                if (parameter.ValueKind == JsonValueKind.Object && Text(parameter, "key") is { } key
                    && parameter.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
                {
                    found.TryAdd(key, value.Clone());
                }
            }
        }

        return new EventParameters(found);
    }

    private sealed class EventParameters(Dictionary<string, JsonElement> values)
    {
        public string? Text(string key) =>
            values.TryGetValue(key, out var value) ? Ga4Row.Text(value, "string_value") ?? Ga4Row.Text(value, "int_value") : null;

        public long? Integer(string key)
        {
            if (!values.TryGetValue(key, out var value))
            {
                return null;
            }

            if (Ga4Row.Integer(value, "int_value") is { } whole)
            {
                return whole;
            }

            // Some exports carry a percentage as a double or as text.
            var text = Ga4Row.Text(value, "double_value") ?? Ga4Row.Text(value, "float_value") ?? Ga4Row.Text(value, "string_value");
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? (long)number : null;
        }
    }
}
