using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Abm.Data.Entities;
using Abm.Server.Features.Imports;
using Abm.Server.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Leads;

public sealed class IcpProfileTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task ImportIcp_MixedFile_ReportsEachLineAndKeepsTheGoodOnes()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        const string file = """
            name,industry,company_size,revenue_range,geographic_location,technology_stack,budget_range
            Mid-market tech,Technology;Financial Services,200-5000,$10M-$1B,United States|United Kingdom,HubSpot;Salesforce;AWS,$20k-$200k
            Bad size,technology,lots,,,,
            Unknown industry,astrology,,,,,
            Nothing,,,,,,
            "Quoted, name",BANKING,1000+,,,,<50k
            Mid-market tech,retail,,,,,
            """;

        var report = await ImportAsync(client, file);

        report.Results.Select(r => (r.Line, r.Status)).ShouldBe([(2, RowOutcome.Created), (3, RowOutcome.Rejected), (4, RowOutcome.Rejected), (5, RowOutcome.Rejected), (6, RowOutcome.Created), (7, RowOutcome.Rejected)]);
        report.Results[1].Errors!.ShouldContain(e => e.Contains("company_size 'lots'"));
        report.Results[2].Errors!.ShouldContain(e => e.Contains("astrology"));
        report.Results[3].Errors!.ShouldContain(e => e.Contains("no criterion"));
        report.Results[5].Errors!.ShouldContain(e => e.Contains("line 2"));
        var profile = (await client.GetFromJsonAsync<IcpProfileResponse>("/api/icp", Json))!;
        profile.Criteria.Count.ShouldBe(2);
        var tech = profile.Criteria.Single(c => c.Name == "Mid-market tech");
        tech.Industries.ShouldBe(["technology", "financial_services"]);
        (tech.EmployeesMin, tech.EmployeesMax).ShouldBe((200m, 5000m));
        (tech.RevenueMin, tech.RevenueMax).ShouldBe((10_000_000m, 1_000_000_000m));
        tech.Countries.ShouldBe(["united states", "united kingdom"]);
        tech.Technologies.ShouldBe(["hubspot", "salesforce", "aws"]);
        (tech.BudgetMin, tech.BudgetMax).ShouldBe((20_000m, 200_000m));
        var banking = profile.Criteria.Single(c => c.Name == "Quoted, name");
        banking.Industries.ShouldBe(["financial_services"]);
        (banking.EmployeesMin, banking.EmployeesMax, banking.BudgetMax).ShouldBe((1000m, (decimal?)null, 50_000m));
        profile.Examples.ShouldAllBe(e => e.Status == "active" && e.Type == "ideal_client" && e.EmbeddingDimensions == 256 && e.EmbeddingModel != null);
    }

    [Fact]
    public async Task ImportIcp_SameNameAgain_UpdatesTheSet()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        (await ImportAsync(client, "name,industry\nCore,technology\n")).Created.ShouldBe(1);

        var second = await ImportAsync(client, "name,industry,company_size\nCore,healthcare,50-500\n");

        second.Updated.ShouldBe(1);
        var core = (await client.GetFromJsonAsync<IcpProfileResponse>("/api/icp", Json))!.Criteria.ShouldHaveSingleItem();
        core.Industries.ShouldBe(["healthcare"]);
        core.EmployeesMax.ShouldBe(500m);
    }

    [Fact]
    public async Task PutIcp_ValidProfile_ReplacesTheCriteriaSets()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        await ImportAsync(client, "name,industry\nOld,retail\n");

        var response = await client.PutAsJsonAsync("/api/icp", new
        {
            criteria = new object[]
            {
                new { name = "Core", industries = new[] { "technology" }, employeesMin = 200, employeesMax = 5000, technologies = new[] { "HubSpot" } },
                new { industries = new[] { "healthcare" } },
            },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var profile = (await response.Content.ReadFromJsonAsync<IcpProfileResponse>(Json))!;
        profile.Criteria.Select(c => c.Name).Order().ShouldBe(["Core", "Ideal client 2"]);
        profile.Criteria.Single(c => c.Name == "Core").Technologies.ShouldBe(["hubspot"]);
    }

    [Theory]
    [InlineData("""{"criteria":[{"employeesMin":500,"employeesMax":100}]}""", "criteria[0].employeesMin")]
    [InlineData("""{"criteria":[{"industries":["astrology"]}]}""", "criteria[0].industries")]
    [InlineData("""{"criteria":[{"name":"Empty"}]}""", "criteria[0].industries")]
    [InlineData("""{"criteria":[{"name":"A","industries":["retail"]},{"name":"a","industries":["retail"]}]}""", "criteria")]
    [InlineData("""{"criteria":[{"revenueMin":-5,"industries":["retail"]}]}""", "criteria[0].revenueMin")]
    public async Task PutIcp_InvalidProfile_Returns400NamingTheField(string body, string field)
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.PutAsync("/api/icp", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task RefreshClosedWon_CompanyWithWonDeal_BecomesActiveExampleAndLosesItWhenTheDealGoes()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await Server.SeedCompanyAsync(workspace, "technology");
        var deal = new Deal { Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = "d-1", Stage = "closedwon", CompanyId = company.Id };
        await using (var database = Server.OpenDatabase())
        {
            database.Deals.Add(deal);
            await database.SaveChangesAsync();
        }

        (await LeadTestData.RefreshClosedWonAsync(Server, workspace)).ShouldBe(1);
        var example = (await client.GetFromJsonAsync<IcpProfileResponse>("/api/icp", Json))!.Examples.ShouldHaveSingleItem();
        example.Source.ShouldBe("closed_won");
        example.Status.ShouldBe("active");

        await using (var database = Server.OpenDatabase())
        {
            await database.Deals.IgnoreQueryFilters().Where(d => d.Id == deal.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.Stage, "closedlost"));
        }

        (await LeadTestData.RefreshClosedWonAsync(Server, workspace)).ShouldBe(0);
        (await client.GetFromJsonAsync<IcpProfileResponse>("/api/icp", Json))!.Examples.ShouldHaveSingleItem().Status.ShouldBe("inactive");
    }

    private static async Task<ImportReport> ImportAsync(HttpClient client, string csv)
    {
        var response = await client.PostAsync("/api/icp/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportReport>(Json))!;
    }
}
