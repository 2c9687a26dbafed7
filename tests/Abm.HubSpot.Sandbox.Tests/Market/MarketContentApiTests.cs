using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Market;

public sealed class MarketContentApiTests
{
    [Fact]
    public async Task Content_AsJson_ListsTheCatalogue()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}/market/content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = body!["results"]!.AsArray();
        results.Count.ShouldBeGreaterThanOrEqualTo(500);
        body["total"]!.GetValue<int>().ShouldBe(results.Count);
        results[0]!["externalId"]!.GetValue<string>().ShouldBe("sbx-content-0001");
        results[0]!["targetJourneyStages"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Content_AsCsv_ServesContentImportFile()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}/market/content");
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await sandbox.Http.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.ShouldStartWith("external_id,title,content_type,complexity,topic,url,target_industries,target_personas,target_journey_stages,published_at,duration_minutes\n");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(500);
    }

    [Fact]
    public async Task Content_UnknownPortal_Returns404()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, _) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/portals/1/market/content?format=csv");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
