using System.Text.Json;
using Abm.Engines;
using Abm.Engines.Engagement;
using Abm.Server.Errors;

namespace Abm.Server.Features.Events;

/// <summary>The checks an event must pass on its own, before anything is looked up.</summary>
internal static class IncomingEventValidator
{
    public const int MaxMetadataBytes = 4096;
    public const int MaxClientEventIdLength = 100;

    // Clocks of senders drift; a few minutes ahead is skew, more is a wrong timestamp.
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Older than this is a placeholder or a parsing accident (0001-01-01, epoch 0), not an engagement.</summary>
    public static readonly DateTimeOffset EarliestPlausible = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string KnownTypes = string.Join(", ", Enum.GetValues<EngagementEventType>().Select(t => t.ToWireName()));

    public static List<string> Validate(IncomingEvent item, DateTimeOffset now, out EngagementEventType type)
    {
        var errors = new List<string>();
        if (!WireNames.TryParseEventType(item.Type, out type))
        {
            errors.Add(item.Type is null ? "type is required." : $"type '{item.Type}' is unknown; expected one of {KnownTypes}.");
        }

        if (item.OccurredAt is not { } occurredAt)
        {
            errors.Add("occurredAt is required.");
        }
        else if (occurredAt > now + AllowedClockSkew)
        {
            errors.Add($"occurredAt {occurredAt:O} is in the future.");
        }
        else if (occurredAt < EarliestPlausible)
        {
            errors.Add($"occurredAt {occurredAt:O} is before {EarliestPlausible:yyyy-MM-dd}, which no event can be.");
        }

        errors.AddRange(new[] { ("clientEventId", item.ClientEventId), ("type", item.Type), ("contactHubSpotId", item.ContactHubSpotId), ("contactEmail", item.ContactEmail) }
            .Select(field => ControlCharacters.Problem(field.Item1, field.Item2)).OfType<string>());

        if (string.IsNullOrWhiteSpace(item.ContactHubSpotId) && string.IsNullOrWhiteSpace(item.ContactEmail))
        {
            errors.Add("contactHubSpotId or contactEmail is required.");
        }

        if (item.DurationSeconds is < 0 or > 86_400)
        {
            errors.Add("durationSeconds must be between 0 and 86400.");
        }

        if (item.ClientEventId is { Length: > MaxClientEventIdLength })
        {
            errors.Add($"clientEventId is longer than {MaxClientEventIdLength} characters.");
        }

        if (item.Metadata is { } metadata && metadata.ValueKind != JsonValueKind.Null)
        {
            if (metadata.ValueKind != JsonValueKind.Object)
            {
                errors.Add("metadata must be a JSON object.");
            }
            else if (JsonSerializer.SerializeToUtf8Bytes(metadata).Length > MaxMetadataBytes)
            {
                errors.Add($"metadata is larger than {MaxMetadataBytes} bytes.");
            }
            else if (ControlCharacters.HoldsUnstorableText(metadata))
            {
                errors.Add("metadata holds a NUL character (\\u0000) or a lone surrogate, which cannot be stored.");
            }
        }

        return errors;
    }
}
