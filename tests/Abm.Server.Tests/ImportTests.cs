using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Abm.Server.Features.Content;
using Abm.Server.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests;

public sealed class ImportTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task ImportContent_MixedFile_ReportsEachLineAndReimportUpdates()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        const string file = """
            external_id,title,content_type,complexity,target_personas,target_journey_stages,target_industries,published_at,duration_minutes
            cms-1,Bank ROI model,roi_calculator,advanced,financial_decision_maker,vendor_evaluation;decision_finalization,financial_services,2026-01-15,12
            cms-2,Broken type,podcast,basic,,,,,
            cms-3,"Quoted, with comma",case_study,,c_suite_executive,,,not-a-date,
            cms-1,Again,whitepaper,,,,,,
            ,No external id,webinar,,,,,,45
            """;

        var first = await ImportAsync(client, "/api/content/import", file);
        var second = await ImportAsync(client, "/api/content/import", "external_id,title,content_type\ncms-1,Bank ROI model v2,roi_calculator\n");

        first.Created.ShouldBe(2);
        first.Rejected.ShouldBe(3);
        first.Results.Select(r => (r.Line, r.Status)).ShouldBe([(2, RowOutcome.Created), (3, RowOutcome.Rejected), (4, RowOutcome.Rejected), (5, RowOutcome.Rejected), (6, RowOutcome.Created)]);
        first.Results[1].Errors!.ShouldContain(e => e.Contains("podcast"));
        first.Results[2].Errors!.ShouldContain(e => e.Contains("not-a-date"));
        first.Results[3].Errors!.ShouldContain(e => e.Contains("line 2"));
        second.Updated.ShouldBe(1);
        var page = (await client.GetFromJsonAsync<ContentPage>("/api/content"))!;
        page.Total.ShouldBe(2);
        var roi = page.Items.Single(i => i.ExternalId == "cms-1");
        roi.Title.ShouldBe("Bank ROI model v2");
    }

    [Fact]
    public async Task ImportEvents_2500Rows_GoesThroughIntakeInBatchesWithPerLineResults()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);
        (await ImportAsync(client, "/api/content/import", "external_id,title,content_type\nguide-1,Guide,whitepaper\n")).Created.ShouldBe(1);
        var lines = new StringBuilder("client_event_id,type,occurred_at,contact_hubspot_id,content_external_id,duration_seconds,metadata\n");
        for (var i = 0; i < 2500; i++)
        {
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"h-{i},email_open,2026-0{1 + (i % 9)}-10T08:00:00Z,{contact.HubSpotId},,,\n");
        }

        lines.Append("h-0,email_open,2026-01-10T08:00:00Z,").Append(contact.HubSpotId).Append(",,,\n");               // duplicate of line 2
        lines.Append("bad-date,email_open,yesterday,").Append(contact.HubSpotId).Append(",,,\n");                     // bad date
        lines.Append("bad-json,email_open,1767254400000,").Append(contact.HubSpotId).Append(",,,{oops\n");           // bad metadata
        lines.Append("guide,content_download,1767254400000,").Append(contact.HubSpotId).Append(",guide-1,120,\n");   // epoch ms + content by external id
        lines.Append("ghost,email_open,2026-01-10T08:00:00Z,999999999,,,\n");                                        // unknown contact

        var report = await ImportAsync(client, "/api/events/import", lines.ToString());

        report.Rows.ShouldBe(2505);
        report.Created.ShouldBe(2501);
        report.Duplicates.ShouldBe(1);
        report.Rejected.ShouldBe(3);
        report.Results.Single(r => r.Line == 2503).Errors!.Single().ShouldContain("yesterday");
        report.Results.Single(r => r.Line == 2504).Errors!.Single().ShouldContain("metadata");
        report.Results.Single(r => r.Line == 2506).Errors!.Single().ShouldContain("999999999");
        await using var database = Server.OpenDatabase();
        (await database.EngagementEvents.IgnoreQueryFilters().CountAsync(e => e.WorkspaceId == workspace && e.Source == "import")).ShouldBe(2501);
    }

    [Fact]
    public async Task ImportContent_FileLongerThanALookupChunk_UpdatesEveryExistingItemAndCreatesTheRest()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        static string Rows(IEnumerable<int> ids, string title) =>
            "external_id,title,content_type\n" + string.Concat(ids.Select(i => $"item-{i},{title} {i},whitepaper\n"));
        (await ImportAsync(client, "/api/content/import", Rows(Enumerable.Range(0, 1_200).Where(i => i % 2 == 0), "First"))).Created.ShouldBe(600);

        var second = await ImportAsync(client, "/api/content/import", Rows(Enumerable.Range(0, 1_200), "Second"));

        second.Updated.ShouldBe(600);
        second.Created.ShouldBe(600);
        second.Results.Select(r => r.Line).ShouldBe(Enumerable.Range(2, 1_200));
        second.Results.Where(r => r.Status == RowOutcome.Updated).Select(r => r.Line - 2).ShouldAllBe(i => i % 2 == 0);
        var page = (await client.GetFromJsonAsync<ContentPage>("/api/content?limit=1"))!;
        page.Total.ShouldBe(1_200);
    }

    [Fact]
    public async Task Import_NotCsv_Returns415()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.PostAsJsonAsync("/api/content/import", new { title = "x" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    private static async Task<ImportReport> ImportAsync(HttpClient client, string path, string csv)
    {
        var response = await client.PostAsync(path, new StringContent(csv, Encoding.UTF8, "text/csv"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportReport>(Json))!;
    }
}
