using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Content;

namespace Abm.Server.Tests;

public sealed class ContentLibraryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task CreateReplaceArchive_Item_RoundTripsWithNormalisedVocabulary()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        var created = await client.PostAsJsonAsync("/api/content", new
        {
            title = "ROI of ABM for banks", contentType = "ROI_Calculator", complexity = "advanced", url = "https://example.com/roi",
            targetIndustries = new[] { "financial_services" }, targetPersonas = new[] { "Financial_Decision_Maker" },
            targetJourneyStages = new[] { "vendor_evaluation", "vendor_evaluation" }, durationMinutes = 12,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var item = (await created.Content.ReadFromJsonAsync<ContentItemResponse>())!;
        item.ContentType.ShouldBe("roi_calculator");
        item.TargetPersonas.ShouldBe(["financial_decision_maker"]);
        item.TargetJourneyStages.ShouldBe(["vendor_evaluation"]);

        var replaced = await client.PutAsJsonAsync($"/api/content/{item.Id}", new { title = "ROI of ABM", contentType = "case_study" });
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<ContentItemResponse>($"/api/content/{item.Id}"))!.ContentType.ShouldBe("case_study");

        (await client.DeleteAsync($"/api/content/{item.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/content/{item.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_InvalidVocabulary_Returns400NamingEachField()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.PostAsJsonAsync("/api/content", new
        {
            title = "x", contentType = "podcast", complexity = "expert", url = "not a url",
            targetIndustries = new[] { "Financial Services" }, targetPersonas = new[] { "wizard" }, targetJourneyStages = new[] { "dreaming" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["url", "contentType", "complexity", "targetPersonas", "targetJourneyStages", "targetIndustries"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_DuplicateExternalId_Returns409()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        (await client.PostAsJsonAsync("/api/content", new { title = "A", contentType = "whitepaper", externalId = "cms-1" })).EnsureSuccessStatusCode();

        var second = await client.PostAsJsonAsync("/api/content", new { title = "B", contentType = "whitepaper", externalId = "cms-1" });

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task List_FilterAndPage_ReturnsTotalAndSlice()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        foreach (var title in new[] { "C", "A", "B" })
        {
            (await client.PostAsJsonAsync("/api/content", new { title, contentType = "webinar" })).EnsureSuccessStatusCode();
        }

        (await client.PostAsJsonAsync("/api/content", new { title = "Z", contentType = "datasheet" })).EnsureSuccessStatusCode();

        var page = await client.GetFromJsonAsync<ContentPage>("/api/content?type=webinar&limit=2&offset=1");

        page!.Total.ShouldBe(3);
        page.Items.Select(i => i.Title).ShouldBe(["B", "C"]);
        (await client.GetAsync("/api/content?limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
