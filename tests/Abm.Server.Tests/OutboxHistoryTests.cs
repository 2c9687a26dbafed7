using Abm.Data.Entities;
using Abm.Server.Features.WriteBack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Tests;

public sealed class OutboxHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Prune_FinishedRowsPastTheHistoryPeriod_AreDeletedButEachRecordKeepsItsNewestSentRow()
    {
        await using var server = await AbmServerFactory.StartAsync();
        var (first, second) = (await server.CreateWorkspaceAsync("First"), await server.CreateWorkspaceAsync("Second"));
        await using (var setup = server.OpenDatabase())
        {
            setup.HubSpotOutbox.AddRange(
                Row(first, "a", OutboxStatus.Sent, 60, "a-old"),
                Row(first, "a", OutboxStatus.Sent, 40, "a-newest-sent"),
                Row(first, "a", OutboxStatus.Superseded, 35, "a-superseded"),
                Row(first, "b", OutboxStatus.Sent, 50, "b-sent"),
                Row(first, "b", OutboxStatus.Pending, 1, "b-pending"),
                Row(first, "c", OutboxStatus.Dropped, 45, "c-dropped"),
                Row(first, "d", OutboxStatus.Sent, 10, "d-recent"),
                Row(first, "d", OutboxStatus.Sent, 5, "d-more-recent"),
                // Same record id in another workspace: the first workspace's newer rows say nothing about it.
                Row(second, "a", OutboxStatus.Sent, 70, "other-workspace-a"));
            await setup.SaveChangesAsync();
        }

        await using var database = server.OpenDatabase();
        var history = new OutboxHistory(database, new ManualClock(Now), Options.Create(new WriteBackOptions { HistoryDays = 30 }));

        var deleted = await history.PruneAsync(CancellationToken.None);

        var left = await database.HubSpotOutbox.IgnoreQueryFilters().Select(o => o.Error).ToListAsync();
        deleted.ShouldBe(4, string.Join(',', left));
        left.Order().ShouldBe(["a-newest-sent", "b-pending", "d-more-recent", "d-recent", "other-workspace-a"]);
        (await history.PruneAsync(CancellationToken.None)).ShouldBe(0);
    }

    /// <summary>An outbox row last touched <paramref name="daysAgo"/> days ago, labelled through its error column.</summary>
    private static HubSpotOutboxItem Row(Guid workspace, string hubSpotId, string status, int daysAgo, string label)
    {
        var at = Now.UtcDateTime.AddDays(-daysAgo);
        return new HubSpotOutboxItem
        {
            Id = Guid.CreateVersion7(), WorkspaceId = workspace, ObjectType = "contacts", HubSpotId = hubSpotId, Properties = "{}", Status = status,
            Error = label, NextAttemptAt = at, CreatedAt = at, UpdatedAt = at, SentAt = status == OutboxStatus.Sent ? at : null,
        };
    }
}
