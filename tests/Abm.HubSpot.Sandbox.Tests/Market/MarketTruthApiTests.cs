using System.Net;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Market;

public sealed class MarketTruthApiTests
{
    [Fact]
    public async Task Truth_SeededPortal_GradesTheCatalogueForEveryContact()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, catalogue) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}/market/content");
        var (_, portal) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}");

        var (response, truth) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var externalIds = catalogue!["results"]!.AsArray().Select(i => i!["externalId"]!.GetValue<string>()).ToHashSet();
        var contacts = truth!["contacts"]!.AsArray();
        contacts.Count.ShouldBe(portal!["records"]!["contacts"]!.GetValue<int>());
        truth["accounts"]!.AsArray().Count.ShouldBe(3);
        foreach (var contact in contacts)
        {
            var relevance = contact!["relevance"]!;
            relevance["3"]!.AsArray().Count.ShouldBeGreaterThan(0);
            var listed = new[] { "1", "2", "3" }.SelectMany(label => relevance[label]!.AsArray().Select(id => id!.GetValue<string>())).ToList();
            listed.ShouldAllBe(id => externalIds.Contains(id));
            listed.Distinct().Count().ShouldBe(listed.Count);
            contact["propensity"]!.GetValue<double>().ShouldBeInRange(0, 1);
        }
    }

    [Fact]
    public async Task Truth_OneContact_ReturnsItAndItsAccountOnly()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, page) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=1");
        var contactId = page!["results"]![0]!["id"]!.GetValue<string>();

        var (_, truth) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth?contactId={contactId}");
        var (unknown, _) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth?contactId=1");

        truth!["contacts"]!.AsArray().Single()!["contactId"]!.GetValue<string>().ShouldBe(contactId);
        truth["accounts"]!.AsArray().Single()!["companyId"]!.GetValue<string>().ShouldBe(truth["contacts"]![0]!["companyId"]!.GetValue<string>());
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Truth_ClockAdvancedNinetyDays_BuyingStagesMoveForwardOnly()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 10));
        var path = $"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth";
        var (_, before) = await sandbox.SendAsync(HttpMethod.Get, path);
        sandbox.Host.Clock.Advance(TimeSpan.FromDays(90));

        var (_, after) = await sandbox.SendAsync(HttpMethod.Get, path);

        var earlier = Positions(before!);
        var later = Positions(after!);
        later.Keys.ShouldBe(earlier.Keys, ignoreOrder: true);
        later.ShouldAllBe(p => p.Value >= earlier[p.Key]);
        later.Count(p => p.Value > earlier[p.Key]).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Truth_SameSeed_SameTruth()
    {
        await using var first = await TestSandbox.StartAsync();
        await using var second = await TestSandbox.StartAsync();

        var one = await first.Http.GetStringAsync($"/_sandbox/portals/{first.Portal.PortalId}/market/truth");
        var two = await second.Http.GetStringAsync($"/_sandbox/portals/{second.Portal.PortalId}/market/truth");

        two.ShouldBe(one);
    }

    [Fact]
    public async Task Truth_EngineWritesBeforeFirstRead_TruthAsSeeded()
    {
        await using var untouched = await TestSandbox.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, companies) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/companies?limit=1");
        var companyId = companies!["results"]![0]!["id"]!.GetValue<string>();

        var (patched, _) = await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/companies/{companyId}", new { properties = new { industry = "RETAIL", numberofemployees = "3" } });
        await sandbox.CreateContactAsync("newcomer@example.com", "Newcomer");

        patched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var truth = await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth");
        truth.ShouldBe(await untouched.Http.GetStringAsync($"/_sandbox/portals/{untouched.Portal.PortalId}/market/truth"));
    }

    private static Dictionary<string, double> Positions(JsonNode truth) =>
        truth["accounts"]!.AsArray().ToDictionary(a => a!["companyId"]!.GetValue<string>(), a => a!["stagePosition"]!.GetValue<double>());
}
