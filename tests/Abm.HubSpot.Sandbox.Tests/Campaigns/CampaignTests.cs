using System.Net;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Campaigns;

/// <summary>Marketing campaigns v3: create, read, page, assets, HubSpot's validation errors and scopes.</summary>
public sealed class CampaignTests
{
    [Fact]
    public async Task Create_ThenGetAndList_ServesTheCampaignWithItsProperties()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (created, campaign) = await CreateAsync(sandbox, new() { ["hs_name"] = "Spring launch", ["hs_start_date"] = "2026-03-01", ["hs_campaign_status"] = "active" });
        var id = campaign!["id"]!.GetValue<string>();
        var (_, read) = await sandbox.SendAsync(HttpMethod.Get, $"/marketing/v3/campaigns/{id}?properties=hs_name,hs_campaign_status");
        var (_, page) = await sandbox.SendAsync(HttpMethod.Get, "/marketing/v3/campaigns?limit=1&name=spring");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        Guid.TryParse(id, out _).ShouldBeTrue();
        read!["properties"]!.AsObject().Select(p => $"{p.Key}={p.Value}").ShouldBe(["hs_name=Spring launch", "hs_campaign_status=active"]);
        page!["results"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(id);
        page["paging"].ShouldBeNull();
    }

    [Theory]
    [InlineData("hs_notes", "no name", "hs_name is required")]
    [InlineData("hs_name", "Bad date", "hs_start_date")]
    [InlineData("hs_name", "Bad status", "hs_campaign_status")]
    [InlineData("hs_name", "Unknown property", "does not exist")]
    public async Task Create_InvalidProperties_400ValidationError(string nameProperty, string name, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var properties = new Dictionary<string, string> { [nameProperty] = name };
        _ = name switch
        {
            "Bad date" => properties["hs_start_date"] = "03/01/2026",
            "Bad status" => properties["hs_campaign_status"] = "running",
            "Unknown property" => properties["hs_colour"] = "red",
            _ => "",
        };

        var (response, body) = await CreateAsync(sandbox, properties);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
        body["message"]!.GetValue<string>().ShouldContain(message);
    }

    [Fact]
    public async Task Assets_MarketingEmailAssociated_ListedWithItsNameAndShownOnTheEmail()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, campaign) = await CreateAsync(sandbox, new() { ["hs_name"] = "Webinar" });
        var id = campaign!["id"]!.GetValue<string>();

        var (associated, _) = await sandbox.SendAsync(HttpMethod.Put, $"/marketing/v3/campaigns/{id}/assets/MARKETING_EMAIL/710002");
        var (unknown, _) = await sandbox.SendAsync(HttpMethod.Put, $"/marketing/v3/campaigns/{id}/assets/MARKETING_EMAIL/42");
        var (_, assets) = await sandbox.SendAsync(HttpMethod.Get, $"/marketing/v3/campaigns/{id}/assets/MARKETING_EMAIL");
        var (_, email) = await sandbox.SendAsync(HttpMethod.Get, "/marketing/v3/emails/710002");

        (associated.StatusCode, unknown.StatusCode).ShouldBe((HttpStatusCode.NoContent, HttpStatusCode.NotFound));
        assets!["results"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("Webinar invitation");
        email!["campaign"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task Get_UnknownCampaign_404ObjectNotFound()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, $"/marketing/v3/campaigns/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        body!["category"]!.GetValue<string>().ShouldBe("OBJECT_NOT_FOUND");
    }

    [Fact]
    public async Task Create_WithReadScopeOnly_403MissingScopes()
    {
        var options = TestSandbox.Options() with { Portals = [new SandboxPortalOptions { Accounts = 1, PrivateAppScopes = ["marketing.campaigns.read"] }] };
        await using var sandbox = await TestSandbox.StartAsync(options);

        var (read, _) = await sandbox.SendAsync(HttpMethod.Get, "/marketing/v3/campaigns");
        var (write, body) = await CreateAsync(sandbox, new() { ["hs_name"] = "Denied" });

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        body!["errors"]![0]!["context"]!["requiredGranularScopes"]![0]!.GetValue<string>().ShouldBe("marketing.campaigns.write");
    }

    private static Task<(HttpResponseMessage Response, JsonNode? Body)> CreateAsync(TestSandbox sandbox, Dictionary<string, string> properties) =>
        sandbox.SendAsync(HttpMethod.Post, "/marketing/v3/campaigns", new { properties });
}
