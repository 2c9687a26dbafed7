using System.Globalization;
using System.Text.Json;

namespace Abm.Server.Features.Webhooks;

/// <summary>The parts of a HubSpot webhook event the worker acts on; merge events also name the records merged.</summary>
internal sealed record WebhookEvent(string PortalId, string SubscriptionType, string ObjectId, DateTimeOffset OccurredAt, IReadOnlyList<string> MergedIds)
{
    /// <summary>
    /// Reads a batch. A body that is not a JSON array is refused; an element without the fields needed to act on
    /// it is counted as unreadable rather than failing the batch (the payload itself stays in the inbox).
    /// </summary>
    public static bool TryParseBatch(ReadOnlySpan<byte> body, out List<WebhookEvent> events, out int unreadable, out string? error)
    {
        events = [];
        unreadable = 0;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = "The body must be a JSON array of events.";
                return false;
            }

            // The batch is stored as sent (jsonb on PostgreSQL), and HubSpot never sends what jsonb refuses.
            if (Abm.Server.Errors.ControlCharacters.HoldsUnstorableText(document.RootElement))
            {
                error = "The body holds a NUL character (\\u0000) or a lone surrogate, which cannot be stored.";
                return false;
            }

            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (From(element) is { } parsed)
                {
                    events.Add(parsed);
                }
                else
                {
                    unreadable++;
                }
            }

            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            error = $"The body is not valid JSON: {exception.Message}";
            return false;
        }
    }

    private static WebhookEvent? From(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || Id(element, "portalId") is not { } portal
            || Id(element, "objectId") is not { } objectId
            || !element.TryGetProperty("subscriptionType", out var type) || type.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("occurredAt", out var occurred) || occurred.ValueKind != JsonValueKind.Number
            || !occurred.TryGetInt64(out var milliseconds)
            || milliseconds < 0 || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return null;
        }

        var merged = new List<string>();
        foreach (var name in new[] { "primaryObjectId", "newObjectId" })
        {
            if (Id(element, name) is { } id)
            {
                merged.Add(id);
            }
        }

        if (element.TryGetProperty("mergedObjectIds", out var mergedIds) && mergedIds.ValueKind == JsonValueKind.Array)
        {
            merged.AddRange(mergedIds.EnumerateArray().Select(IdText).OfType<string>());
        }

        return new WebhookEvent(portal, type.GetString()!, objectId, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), merged);
    }

    private static string? Id(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? IdText(value) : null;

    /// <summary>HubSpot ids are numbers in webhooks and strings elsewhere; both become the string form kept locally.</summary>
    private static string? IdText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) && number > 0 => number.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String when value.GetString() is { Length: > 0 and <= 50 } text && text.All(char.IsAsciiDigit) => text,
        _ => null,
    };
}
