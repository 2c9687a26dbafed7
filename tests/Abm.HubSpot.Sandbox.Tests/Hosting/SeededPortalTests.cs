using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Hosting;

public sealed class SeededPortalTests
{
    [Fact]
    public async Task Seed_ThreeAccounts_CompaniesHaveFirmographicsAndCommittees()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (_, companies) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/companies?properties=name,domain,industry,numberofemployees,annualrevenue,country,web_technologies,hs_ideal_customer_profile&associations=contacts");
        var results = companies!["results"]!.AsArray();
        results.Count.ShouldBe(3);
        foreach (var company in results)
        {
            var properties = company!["properties"]!;
            properties["domain"]!.GetValue<string>().ShouldEndWith(".example.com");
            properties["industry"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            long.Parse(properties["numberofemployees"]!.GetValue<string>()).ShouldBeGreaterThan(0);
            properties["web_technologies"]!.GetValue<string>().ShouldContain(';');
            var contacts = company["associations"]!["contacts"]!["results"]!.AsArray();
            contacts.Select(c => c!["id"]!.GetValue<string>()).Distinct().Count().ShouldBeInRange(5, 30);
        }
    }

    [Fact]
    public async Task Seed_Contacts_HaveUniqueEmailsRolesAndStages()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (_, page) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=100&properties=email,jobtitle,hs_buying_role,lifecyclestage,hubspot_owner_id");
        var contacts = page!["results"]!.AsArray().Select(c => c!["properties"]!).ToList();
        contacts.Count.ShouldBeGreaterThanOrEqualTo(15);
        contacts.Select(c => c["email"]!.GetValue<string>()).Distinct().Count().ShouldBe(contacts.Count);
        contacts.ShouldAllBe(c => c["jobtitle"] != null && c["hs_buying_role"] != null && c["lifecyclestage"] != null && c["hubspot_owner_id"] != null);
    }

    [Fact]
    public async Task Seed_Deals_UseDefaultPipelineStages()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 12));

        var (_, page) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/deals?limit=100&associations=companies");
        var deals = page!["results"]!.AsArray();
        deals.Count.ShouldBeGreaterThan(0);
        string[] stages = ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"];
        foreach (JsonNode? deal in deals)
        {
            deal!["properties"]!["pipeline"]!.GetValue<string>().ShouldBe("default");
            stages.ShouldContain(deal["properties"]!["dealstage"]!.GetValue<string>());
            deal["associations"]!["companies"].ShouldNotBeNull();
        }
    }
}
