using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Privacy;
using Abm.Server.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Privacy;

/// <summary>
/// The retention pass deletes exactly what is past each window: a workspace's raw events older than its own retention
/// (the default of 730 days elsewhere), settled webhook batches older than the history window, pending ones never.
/// </summary>
public sealed class RetentionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Retention_EventsAndWebhookBatchesEitherSideOfTheirWindows_OnlyThosePastGo()
    {
        var (shortLived, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var (byDefault, _) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var settings = await (await admin.PutAsJsonAsync("/api/privacy/settings", new { eventRetentionDays = 100 })).Content.ReadFromJsonAsync<JsonElement>();
        settings.GetProperty("eventRetentionDays").GetInt32().ShouldBe(100);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var (shortContact, defaultContact) = (await Server.SeedContactAsync(shortLived), await Server.SeedContactAsync(byDefault));
        var ages = new[] { 1, 99, 101, 500, 729, 731, 2000 };
        var batches = new Dictionary<string, WebhookInboxItem>
        {
            ["recent-done"] = Batch(WebhookInboxStatus.Done, now.AddDays(-29)),
            ["old-done"] = Batch(WebhookInboxStatus.Done, now.AddDays(-31)),
            ["old-failed"] = Batch(WebhookInboxStatus.Failed, now.AddDays(-400)),
            ["old-pending"] = Batch(WebhookInboxStatus.Pending, now.AddDays(-400)),
        };
        await using (var database = Server.OpenDatabase())
        {
            foreach (var (workspace, contact) in new[] { (shortLived, shortContact), (byDefault, defaultContact) })
            {
                database.EngagementEvents.AddRange(ages.Select(days => new EngagementEvent
                {
                    WorkspaceId = workspace, Id = Guid.CreateVersion7(), ContactId = contact.Id, OccurredAt = now.AddDays(-days), EventType = "page_view", Source = "api",
                    ClientEventId = $"age-{days}", CreatedAt = now,
                }));
            }

            database.WebhookInbox.AddRange(batches.Values);
            await database.SaveChangesAsync();
        }

        RetentionReport report;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<DataRetention>().RunAsync(CancellationToken.None);
        }

        await using var after = Server.OpenDatabase();
        (await AgesAsync(after, shortContact.Id)).ShouldBe(["age-1", "age-99"]);
        (await AgesAsync(after, defaultContact.Id)).ShouldBe(["age-1", "age-101", "age-500", "age-729", "age-99"]);
        (report.Events[shortLived], report.Events[byDefault]).ShouldBe((5, 2));
        var ids = batches.Values.Select(b => b.Id).ToList();
        var left = await after.WebhookInbox.Where(b => ids.Contains(b.Id)).Select(b => b.Id).ToListAsync();
        batches.Where(b => left.Contains(b.Value.Id)).Select(b => b.Key).Order().ShouldBe(["old-pending", "recent-done"]);
    }

    [Fact]
    public async Task PrivacySettings_RetentionOutOfRange_400NamingTheField()
    {
        var (_, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);

        using var tooShort = await admin.PutAsJsonAsync("/api/privacy/settings", new { eventRetentionDays = 5 });

        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooShort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("eventRetentionDays", out _).ShouldBeTrue();
        (await admin.GetFromJsonAsync<JsonElement>("/api/privacy/settings")).GetProperty("eventRetentionDays").GetInt32().ShouldBe(730);
    }

    private static WebhookInboxItem Batch(string status, DateTime receivedAt) => new()
    {
        Id = Guid.CreateVersion7(), Payload = "[]", Status = status, ReceivedAt = receivedAt, NextAttemptAt = receivedAt,
    };

    private static async Task<List<string?>> AgesAsync(Abm.Data.AbmDbContext database, Guid contactId) =>
        await database.EngagementEvents.IgnoreQueryFilters().Where(e => e.ContactId == contactId).Select(e => e.ClientEventId).OrderBy(a => a).ToListAsync();
}
