using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;

namespace Abm.Server.Tests.Privacy;

/// <summary>
/// <c>GET /api/contacts/{id}/export</c>: every table that holds something about the contact is in the export, as JSON
/// and as a ZIP of CSVs, by local id, HubSpot id or email; someone else's rows are not; the export is audited.
/// </summary>
public sealed class ContactExportTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Export_ContactInEveryTable_JsonHoldsEachTableWithTheirRowsOnly()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var contact = await PrivacyData.SeedEverywhereAsync(Server, workspace);
        var bystander = await PrivacyData.SeedEverywhereAsync(Server, workspace);

        using var response = await admin.GetAsync($"/api/contacts/{contact.Id}/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var text = await response.Content.ReadAsStringAsync();
        var tables = JsonDocument.Parse(text).RootElement.GetProperty("tables");
        foreach (var table in PrivacyData.Tables)
        {
            tables.GetProperty(table).GetArrayLength().ShouldBeGreaterThan(0, $"{table} is missing from the export");
        }

        tables.GetProperty("contacts")[0].GetProperty("email").GetString().ShouldBe(contact.Email);
        tables.GetProperty("contacts")[0].GetProperty("journey_stage_override").GetString().ShouldBe("decision");
        tables.GetProperty("lead_scores")[0].GetProperty("reasoning").GetString().ShouldBe("Data leader at a target account");
        tables.GetProperty("webhook_inbox_events")[0].GetProperty("event").GetString()!.ShouldContain(contact.Email!);
        text.ShouldNotContain(bystander.Email!);
        text.ShouldNotContain(bystander.Id.ToString());
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?action=contact.exported&entityId={contact.Id}");
        audit.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Export_AsZipByEmailAndByHubSpotId_OneCsvPerTableWithHeaderAndTheirRow()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var contact = await PrivacyData.SeedEverywhereAsync(Server, workspace);

        using var byEmail = await admin.GetAsync($"/api/contacts/{Uri.EscapeDataString(contact.Email!.ToUpperInvariant())}/export?format=zip");
        using var byHubSpotId = await admin.GetAsync($"/api/contacts/{contact.HubSpotId}/export?format=json");

        byEmail.StatusCode.ShouldBe(HttpStatusCode.OK, await byEmail.Content.ReadAsStringAsync());
        byEmail.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        await using var archive = new ZipArchive(new MemoryStream(await byEmail.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        archive.Entries.Select(e => e.Name).Order().ShouldBe(PrivacyData.Tables.Select(t => $"{t}.csv").Order());
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBeGreaterThan(1, $"{entry.Name} has a header and at least one row");
        }

        byHubSpotId.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await byHubSpotId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactId").GetGuid().ShouldBe(contact.Id);
    }

    [Fact]
    public async Task Export_ThousandsOfEvents_AllPagesArriveInOrderOnce()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var contact = await Server.SeedContactAsync(workspace);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var database = Server.OpenDatabase())
        {
            database.EngagementEvents.AddRange(Enumerable.Range(0, 1_234).Select(i => new EngagementEvent
            {
                WorkspaceId = workspace, Id = Guid.CreateVersion7(), ContactId = contact.Id, OccurredAt = now.AddMinutes(-i), EventType = "page_view", Source = "api", CreatedAt = now,
            }));
            await database.SaveChangesAsync();
        }

        var export = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{contact.Id}/export");

        var ids = export.GetProperty("tables").GetProperty("engagement_events").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        ids.Count.ShouldBe(1_234);
        ids.Distinct().Count().ShouldBe(1_234, "pages neither overlap nor repeat");
    }

    [Fact]
    public async Task Export_UnknownContact404_BadFormatAndBadId400NamingTheField()
    {
        var (_, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);

        using var unknown = await admin.GetAsync($"/api/contacts/{Guid.NewGuid()}/export");
        using var unknownEmail = await admin.GetAsync("/api/contacts/nobody%40example.com/export");
        using var badFormat = await admin.GetAsync($"/api/contacts/{Guid.NewGuid()}/export?format=xml");
        using var badId = await admin.GetAsync("/api/contacts/not-a-contact/export");

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownEmail.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        badFormat.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badFormat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _).ShouldBeTrue();
        badId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("id", out _).ShouldBeTrue();
    }
}
