using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Abm.Server.Tests;

/// <summary>Event times outside 2000-01-01 .. now + 5 minutes are refused per item, and outcomes are named, not numbered.</summary>
public sealed class EventTimeAndStatusTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task ImportEvents_ImplausibleDates_RejectsThoseRowsByName()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);
        var file = $"type,occurred_at,contact_hubspot_id\nemail_open,0001-01-01,{contact.HubSpotId}\nemail_open,1999-12-31T23:59:59Z,{contact.HubSpotId}\n"
            + $"email_open,0,{contact.HubSpotId}\nemail_open,2026-01-01T00:00:00Z,{contact.HubSpotId}\n";

        var response = await client.PostAsync("/api/events/import", new StringContent(file, Encoding.UTF8, "text/csv"));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        using var report = JsonDocument.Parse(text);
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("status").GetString()).ShouldBe(["Rejected", "Rejected", "Rejected", "Created"]);
        results[0].GetProperty("errors")[0].GetString()!.ShouldContain("2000-01-01");
    }

    [Fact]
    public async Task ImportContent_TitleWithControlCharacter_RejectsThatRow()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        const string file = "title,content_type\n\"Bell\u0007title\",whitepaper\nClean title,whitepaper\n";

        var response = await client.PostAsync("/api/content/import", new StringContent(file, Encoding.UTF8, "text/csv"));

        var text = await response.Content.ReadAsStringAsync();
        using var report = JsonDocument.Parse(text);
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("status").GetString()).ShouldBe(["Rejected", "Created"], text);
        results[0].GetProperty("errors")[0].GetString()!.ShouldContain("U+0007");
    }

    [Fact]
    public async Task PostEvents_OccurredAtBefore2000_IsRejectedAndOutcomesAreNamed()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);

        var response = await client.PostAsJsonAsync("/api/events", new
        {
            events = new[]
            {
                new { type = "email_open", occurredAt = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), contactHubSpotId = contact.HubSpotId, clientEventId = "old" },
                new { type = "email_open", occurredAt = TimeProvider.System.GetUtcNow().AddHours(-1), contactHubSpotId = contact.HubSpotId, clientEventId = "new" },
                new { type = "email_open", occurredAt = TimeProvider.System.GetUtcNow().AddHours(-1), contactHubSpotId = contact.HubSpotId, clientEventId = "new" },
            },
        });

        var text = await response.Content.ReadAsStringAsync();
        using var answer = JsonDocument.Parse(text);
        answer.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ShouldBe(["Rejected", "Accepted", "Duplicate"], text);
    }
}
