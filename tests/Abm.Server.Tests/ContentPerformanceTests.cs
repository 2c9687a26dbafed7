using System.Net.Http.Json;
using Abm.Engines.Engagement;
using Abm.Server.Features.Content;

namespace Abm.Server.Tests;

public sealed class ContentPerformanceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly DateTime T0 = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Compute_HandWorkedCase_GivesExpectedRates()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var events = new List<ContentEvent>
        {
            new(a, EngagementEventType.ContentDownload, T0, null),        // engaged
            new(b, EngagementEventType.WebsiteVisit, T0, 45),             // engaged (>= 30 s), completion 45/600
            new(c, EngagementEventType.EmailClick, T0, null),             // only looked
            new(d, EngagementEventType.WebsiteVisit, T0, 600),            // engaged, completion 1
        };
        var outcomes = new[]
        {
            (Contact: a, At: T0.AddDays(-1)),  // before the first touch: not a conversion
            (Contact: c, At: T0.AddDays(20)),  // outside the 14-day window
            (Contact: d, At: T0.AddDays(3)),   // converted
        }.ToLookup(o => o.Contact, o => o.At);

        var meetings = new[]
        {
            (Contact: b, At: T0.AddDays(2)),   // booked within the window: led to a meeting
            (Contact: c, At: T0.AddDays(15)),  // a day too late
            (Contact: d, At: T0.AddHours(-1)), // before the first touch
        }.ToLookup(o => o.Contact, o => o.At);

        var metrics = ContentPerformanceCalculator.Compute(events, outcomes, lengthMinutes: 10, T0, meetings);

        metrics.Meetings.ShouldBe(1);
        metrics.EngagementRate.ShouldBe(0.75);
        metrics.ConversionRate.ShouldBe(0.25);
        metrics.CompletionRate.ShouldBe((0.075 + 1.0) / 2, tolerance: 1e-12);
        metrics.Contacts.ShouldBe(4);
        metrics.Events.ShouldBe(4);
    }

    [Fact]
    public void Compute_NoEvents_IsAllZero()
    {
        var metrics = ContentPerformanceCalculator.Compute([], Array.Empty<(Guid, DateTime)>().ToLookup(x => x.Item1, x => x.Item2), 5, T0);

        (metrics.EngagementRate, metrics.ConversionRate, metrics.CompletionRate).ShouldBe((0.0, 0.0, 0.0));
    }

    [Fact]
    public void Compute_RandomHistories_RatesStayWithinZeroAndOne()
    {
        var random = new Random(20261122);
        var types = Enum.GetValues<EngagementEventType>();
        for (var round = 0; round < 200; round++)
        {
            var contacts = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Guid.NewGuid()).ToList();
            var events = Enumerable.Range(0, random.Next(1, 30))
                .Select(_ => new ContentEvent(contacts[random.Next(contacts.Count)], types[random.Next(types.Length)], T0.AddHours(random.Next(-500, 500)), random.Next(3) == 0 ? random.Next(0, 4000) : null))
                .ToList();
            var outcomes = contacts.SelectMany(id => Enumerable.Range(0, random.Next(3)).Select(_ => (id, T0.AddDays(random.Next(-30, 30))))).ToLookup(x => x.id, x => x.Item2);

            var metrics = ContentPerformanceCalculator.Compute(events, outcomes, random.Next(0, 3) == 0 ? null : random.Next(1, 60), T0, meetingsByContact: outcomes);

            // Counted over the same times, meetings are exactly the converted contacts.
            metrics.Meetings.ShouldBe((int)Math.Round(metrics.ConversionRate * metrics.Contacts));
            metrics.EngagementRate.ShouldBeInRange(0, 1);
            metrics.ConversionRate.ShouldBeInRange(0, 1);
            metrics.CompletionRate.ShouldBeInRange(0, 1);
            metrics.Contacts.ShouldBe(events.Select(e => e.ContactId).Distinct().Count());
        }
    }

    [Fact]
    public async Task IngestEvents_OnContent_UpdatesItsPerformanceMetrics()
    {
        var server = fixture.Factory;
        var workspace = await server.CreateWorkspaceAsync($"Performance {Guid.NewGuid():N}");
        var client = server.ClientWithKey((await server.CreateKeyAsync("marketer", workspace)).Key);
        var content = (await (await client.PostAsJsonAsync("/api/content", new { title = "Guide", contentType = "whitepaper" })).Content.ReadFromJsonAsync<ContentItemResponse>())!;
        var buyer = await server.SeedContactAsync(workspace);
        var now = TimeProvider.System.GetUtcNow();

        (await client.PostAsJsonAsync("/api/events", new
        {
            events = new object[]
            {
                new { type = "content_download", occurredAt = now.AddHours(-3), contactHubSpotId = buyer.HubSpotId, contentId = content.Id },
                new { type = "demo_request", occurredAt = now.AddHours(-1), contactHubSpotId = buyer.HubSpotId },
                new { type = "meeting_booked", occurredAt = now.AddMinutes(-30), contactHubSpotId = buyer.HubSpotId },
            },
        })).EnsureSuccessStatusCode();

        var current = await Eventually.WaitForAsync(async () =>
        {
            var item = (await client.GetFromJsonAsync<ContentItemResponse>($"/api/content/{content.Id}"))!;
            return item.Performance.TryGetProperty("contacts", out var reached) && reached.GetInt32() == 1 ? item : null;
        }, "Updating the item's performance metrics");

        current.Performance.GetProperty("engagementRate").GetDouble().ShouldBe(1);
        current.Performance.GetProperty("conversionRate").GetDouble().ShouldBe(1);
        current.Performance.GetProperty("meetings").GetInt32().ShouldBe(1);

        // The list answers the same item, and sorts by it.
        var listed = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/content?sort=meetings&search=gui");
        listed.GetProperty("total").GetInt32().ShouldBe(1);
        listed.GetProperty("items")[0].GetProperty("performance").GetProperty("meetings").GetInt32().ShouldBe(1);
        (await client.GetAsync("/api/content?sort=loudness")).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }
}
