using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests;

public sealed class EventIntakeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Ingest_MixedBatch_StoresGoodItemsAndReportsEachBadOne()
    {
        var (client, contact, _) = await ArrangeAsync();
        var now = TimeProvider.System.GetUtcNow();
        var events = new object[]
        {
            new { type = "content_download", occurredAt = now.AddHours(-2), contactHubSpotId = contact.HubSpotId, durationSeconds = 120, metadata = new { page = "/roi" } },
            new { type = "teleport", occurredAt = now, contactHubSpotId = contact.HubSpotId },
            new { type = "email_open", occurredAt = now.AddDays(2), contactHubSpotId = contact.HubSpotId },
            new { type = "email_open", occurredAt = now, contactHubSpotId = "no-such-contact" },
            new { type = "email_open", occurredAt = now, contactHubSpotId = contact.HubSpotId, metadata = new { blob = new string('x', 5000) } },
            new { type = "email_open", occurredAt = now, contactHubSpotId = contact.HubSpotId, metadata = new[] { 1, 2 } },
            new { type = "email_open", occurredAt = now },
            new { type = "email_open", occurredAt = now, contactHubSpotId = contact.HubSpotId, contentId = Guid.NewGuid() },
            new { type = "email_open", occurredAt = now, contactHubSpotId = contact.HubSpotId, durationSeconds = -1 },
        };

        var body = await PostAsync(client, events);

        body.Accepted.ShouldBe(1);
        body.Rejected.ShouldBe(8);
        body.Results[0].Status.ShouldBe(EventOutcome.Accepted);
        body.Results[1].Errors!.Single().ShouldContain("'teleport' is unknown");
        body.Results[2].Errors!.Single().ShouldContain("future");
        body.Results[3].Errors!.Single().ShouldContain("no-such-contact");
        body.Results[4].Errors!.Single().ShouldContain("metadata is larger");
        body.Results[5].Errors!.Single().ShouldContain("metadata must be a JSON object");
        body.Results[6].Errors!.Single().ShouldContain("contactHubSpotId or contactEmail is required");
        body.Results[7].Errors!.Single().ShouldContain("No content item");
        body.Results[8].Errors!.Single().ShouldContain("durationSeconds");
        await using var database = Server.OpenDatabase();
        var stored = await database.EngagementEvents.IgnoreQueryFilters().Where(e => e.ContactId == contact.Id).ToListAsync();
        stored.Single().EventType.ShouldBe("content_download");
        stored.Single().Id.ShouldBe(body.Results[0].EventId!.Value);
        JsonDocument.Parse(stored.Single().Metadata!).RootElement.GetProperty("page").GetString().ShouldBe("/roi");
    }

    [Fact]
    public async Task Ingest_SameClientEventIdAgain_IsAcknowledgedAsDuplicateAndStoredOnce()
    {
        var (client, contact, _) = await ArrangeAsync();
        var item = new { clientEventId = $"evt-{Guid.NewGuid():N}", type = "email_click", occurredAt = TimeProvider.System.GetUtcNow(), contactHubSpotId = contact.HubSpotId };

        var first = await PostAsync(client, [item, item]);
        var second = await PostAsync(client, [item]);

        first.Accepted.ShouldBe(1);
        first.Duplicates.ShouldBe(1);
        second.Duplicates.ShouldBe(1);
        second.Accepted.ShouldBe(0);
        await using var database = Server.OpenDatabase();
        (await database.EngagementEvents.IgnoreQueryFilters().CountAsync(e => e.ClientEventId == item.clientEventId)).ShouldBe(1);
    }

    [Fact]
    public async Task Ingest_ContactByEmailInOtherCase_MatchesAndUpdatesLastInteraction()
    {
        var (client, contact, _) = await ArrangeAsync();
        var occurred = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

        var body = await PostAsync(client, [new { type = "webinar_attendance", occurredAt = occurred, contactEmail = contact.Email!.ToUpperInvariant() }]);

        body.Accepted.ShouldBe(1);
        var last = await Eventually.WaitForValueAsync(async () =>
        {
            await using var database = Server.OpenDatabase();
            return (await database.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contact.Id)).LastInteractionAt;
        }, "Updating the contact's last interaction");

        last.ShouldBe(occurred.UtcDateTime);
    }

    [Fact]
    public async Task Ingest_ContactOfAnotherWorkspace_IsRejectedAsUnknown()
    {
        var (_, foreignContact, _) = await ArrangeAsync();
        var (client, _, _) = await ArrangeAsync();

        var body = await PostAsync(client, [new { type = "email_open", occurredAt = TimeProvider.System.GetUtcNow(), contactHubSpotId = foreignContact.HubSpotId }]);

        body.Rejected.ShouldBe(1);
    }

    [Fact]
    public async Task Ingest_MoreThan1000Events_Returns400()
    {
        var (client, contact, _) = await ArrangeAsync();
        var events = Enumerable.Range(0, 1001).Select(_ => new { type = "email_open", occurredAt = TimeProvider.System.GetUtcNow(), contactHubSpotId = contact.HubSpotId }).ToArray();

        var response = await client.PostAsJsonAsync("/api/events", new { events });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("at most 1000");
    }

    private static async Task<EventBatchResponse> PostAsync(HttpClient client, object[] events)
    {
        var response = await client.PostAsJsonAsync("/api/events", new { events });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EventBatchResponse>(Json))!;
    }

    /// <summary>A workspace of its own with one contact and a marketer key.</summary>
    private async Task<(HttpClient Client, Contact Contact, Guid Workspace)> ArrangeAsync()
    {
        var workspace = await Server.CreateWorkspaceAsync($"Events {Guid.NewGuid():N}");
        var contact = new Contact
        {
            Id = Guid.NewGuid(),
            WorkspaceId = workspace,
            HubSpotId = Random.Shared.Next(1, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Email = $"buyer.{Guid.NewGuid():N}@example.com",
        };
        await using (var database = Server.OpenDatabase())
        {
            database.Contacts.Add(contact);
            await database.SaveChangesAsync();
        }

        var (_, key) = await Server.CreateKeyAsync("marketer", workspace);
        return (Server.ClientWithKey(key), contact, workspace);
    }
}
