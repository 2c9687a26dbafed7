using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Abm.Server.Errors;

namespace Abm.Server.Features.Events;

internal sealed record EventBatchRequest(
    [property: Required, MinLength(1, ErrorMessage = "events must hold at least one event."),
     MaxLength(EventBatchRequest.MaxEvents, ErrorMessage = "events holds at most 1000 events per request.")]
    List<IncomingEvent> Events)
{
    public const int MaxEvents = 1000;
}

/// <summary>
/// One event as sent. Fields are validated per item by <see cref="IncomingEventValidator"/>, not here, so
/// one bad item is reported without rejecting the batch.
/// </summary>
internal sealed record IncomingEvent(
    string? ClientEventId,
    string? Type,
    DateTimeOffset? OccurredAt,
    string? ContactHubSpotId,
    string? ContactEmail,
    Guid? ContentId,
    int? DurationSeconds,
    JsonElement? Metadata) : IValidatedPerItem;

internal enum EventOutcome
{
    Accepted,
    Duplicate,
    Rejected,
}

internal sealed record EventResult(int Index, EventOutcome Status, Guid? EventId, string? ClientEventId, IReadOnlyList<string>? Errors);

internal sealed record EventBatchResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResult> Results);
