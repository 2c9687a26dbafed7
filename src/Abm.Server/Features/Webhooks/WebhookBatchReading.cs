using System.Text;
using Abm.Data.Entities;

namespace Abm.Server.Features.Webhooks;

internal sealed record BatchOutcome(string Status, Guid? WorkspaceId, string? Note);

/// <summary>How one claimed batch ended: settled with <see cref="Outcome"/>, or <see cref="Failure"/> to retry after a back-off.</summary>
internal sealed record BatchResult(WebhookInboxItem Batch, BatchOutcome? Outcome, string? Failure);

/// <summary>
/// One claimed batch as read: its events by portal, what it notes (events that cannot be acted on), and the
/// workspaces it contributed records to. Its outcome depends on those workspaces' records being applied.
/// </summary>
internal sealed class WebhookBatchReading
{
    private readonly List<string> _notes = [];
    private readonly string? _unparsable;

    private WebhookBatchReading(WebhookInboxItem batch, List<WebhookEvent> events, int unreadable, string? unparsable)
    {
        Batch = batch;
        Events = events;
        _unparsable = unparsable;
        Unreadable = unreadable;
        if (unreadable > 0)
        {
            _notes.Add($"{unreadable} events without portalId, objectId, subscriptionType or occurredAt were ignored.");
        }
    }

    public WebhookInboxItem Batch { get; }

    public IReadOnlyList<WebhookEvent> Events { get; }

    /// <summary>Events without the ids needed to act on them.</summary>
    public int Unreadable { get; }

    /// <summary>The workspaces this batch's events were matched to, in the order first met.</summary>
    public List<Guid> Workspaces { get; } = [];

    public static WebhookBatchReading Of(WebhookInboxItem batch)
    {
        var parsed = WebhookEvent.TryParseBatch(Encoding.UTF8.GetBytes(batch.Payload), out var events, out var unreadable, out var error);
        return parsed ? new WebhookBatchReading(batch, events, unreadable, null) : new WebhookBatchReading(batch, [], 0, error);
    }

    public void Note(string note) => _notes.Add(note);

    /// <summary>Failed when any of its workspaces could not be applied: the whole batch is retried, and the records already applied are then skipped.</summary>
    public BatchResult Result(IReadOnlyDictionary<Guid, string> failedWorkspaces)
    {
        if (_unparsable is not null)
        {
            return new BatchResult(Batch, new BatchOutcome(WebhookInboxStatus.Failed, null, _unparsable), null);
        }

        if (Workspaces.FirstOrDefault(failedWorkspaces.ContainsKey) is var failed && failed != Guid.Empty)
        {
            return new BatchResult(Batch, null, failedWorkspaces[failed]);
        }

        Guid? matched = Workspaces.Count > 0 ? Workspaces[0] : null;
        var status = matched is null && Events.Count > 0 ? WebhookInboxStatus.Unmatched : WebhookInboxStatus.Done;
        return new BatchResult(Batch, new BatchOutcome(status, matched, _notes.Count > 0 ? string.Join(" ", _notes) : null), null);
    }
}
