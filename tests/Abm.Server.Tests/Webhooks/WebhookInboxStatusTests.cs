using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;

namespace Abm.Server.Tests.Webhooks;

/// <summary>GET /api/webhooks/inbox/status: a workspace's applied batches are its own; the waiting queue is the server's.</summary>
public sealed class WebhookInboxStatusTests
{
    [Fact]
    public async Task InboxStatus_BatchesOfSeveralWorkspaces_CountsOwnAppliedAndServerQueue()
    {
        await using var server = await AbmServerFactory.StartAsync();
        var (mine, mineId) = await server.MarketerInNewWorkspaceAsync();
        var (theirs, theirsId) = await server.MarketerInNewWorkspaceAsync();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var database = server.OpenDatabase())
        {
            database.WebhookInbox.AddRange(
                Batch(mineId, "done", now.AddHours(-2), now.AddHours(-1)),
                Batch(mineId, "done", now.AddHours(-3), now.AddHours(-3)),
                Batch(mineId, "done", now.AddDays(-3), now.AddDays(-3)), // older than a day: not counted as applied lately
                Batch(theirsId, "done", now.AddMinutes(-5), now.AddMinutes(-4)),
                Batch(null, "pending", now.AddMinutes(-10), null),
                Batch(null, "processing", now.AddMinutes(-1), null),
                Batch(null, "failed", now.AddHours(-5), now.AddHours(-4)),
                Batch(null, "unmatched", now.AddHours(-5), now.AddHours(-4)));
            await database.SaveChangesAsync();
        }

        var status = await mine.GetFromJsonAsync<JsonElement>("/api/webhooks/inbox/status");
        var other = await theirs.GetFromJsonAsync<JsonElement>("/api/webhooks/inbox/status");

        status.GetProperty("appliedLastDay").GetInt32().ShouldBe(2);
        status.GetProperty("lastAppliedAt").GetDateTime().ShouldBe(now.AddHours(-1), TimeSpan.FromSeconds(1));
        status.GetProperty("waiting").GetInt32().ShouldBe(2);
        status.GetProperty("oldestWaitingAt").GetDateTime().ShouldBe(now.AddMinutes(-10), TimeSpan.FromSeconds(1));
        status.GetProperty("oldestWaitingAgeSeconds").GetDouble().ShouldBeGreaterThanOrEqualTo(600 - 1);
        status.GetProperty("failedLastDay").GetInt32().ShouldBe(1);
        other.GetProperty("appliedLastDay").GetInt32().ShouldBe(1);
        other.GetProperty("waiting").GetInt32().ShouldBe(2);
    }

    private static WebhookInboxItem Batch(Guid? workspaceId, string status, DateTime receivedAt, DateTime? processedAt) => new()
    {
        Id = Guid.NewGuid(), WorkspaceId = workspaceId, Payload = "[]", Status = status, ReceivedAt = receivedAt, NextAttemptAt = receivedAt, ProcessedAt = processedAt,
    };
}
