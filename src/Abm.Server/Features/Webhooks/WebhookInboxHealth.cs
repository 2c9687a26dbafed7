using Abm.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// The webhook inbox as a workspace sees it. A batch belongs to a workspace only once its portal is matched, which
/// happens when it is applied, so the queue in front of the worker (waiting, oldest age, failed) is counted across
/// the server, in numbers only: no payload or error of a batch that may be another workspace's.
/// </summary>
internal sealed record WebhookInboxHealthResponse(
    int AppliedLastDay, DateTime? LastAppliedAt, int Waiting, DateTime? OldestWaitingAt, double? OldestWaitingAgeSeconds, int FailedLastDay);

/// <summary>Reads <see cref="WebhookInboxHealthResponse"/> for the current workspace.</summary>
internal sealed class WebhookInboxHealth(AbmDbContext database, TimeProvider clock)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public async Task<WebhookInboxHealthResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Day;
        var workspaceId = database.CurrentWorkspaceId;
        // The inbox has no workspace filter (unmatched batches have no workspace), so the workspace is named here.
        var mine = database.WebhookInbox.AsNoTracking().Where(i => i.WorkspaceId == workspaceId && i.Status == WebhookInboxStatus.Done);
        var waiting = database.WebhookInbox.AsNoTracking().Where(i => i.Status == WebhookInboxStatus.Pending || i.Status == WebhookInboxStatus.Processing);
        var oldest = await waiting.OrderBy(i => i.ReceivedAt).Select(i => (DateTime?)i.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        return new WebhookInboxHealthResponse(
            await mine.CountAsync(i => i.ProcessedAt >= since, cancellationToken),
            await mine.MaxAsync(i => i.ProcessedAt, cancellationToken),
            await waiting.CountAsync(cancellationToken),
            oldest,
            oldest is { } at ? (now - at).TotalSeconds : null,
            await database.WebhookInbox.CountAsync(i => i.Status == WebhookInboxStatus.Failed && i.ProcessedAt >= since, cancellationToken));
    }

    public static async Task<Ok<WebhookInboxHealthResponse>> HandleAsync(WebhookInboxHealth health, CancellationToken cancellationToken) =>
        TypedResults.Ok(await health.ReadAsync(cancellationToken));
}
