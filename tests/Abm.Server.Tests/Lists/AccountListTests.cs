using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Accounts;
using static Abm.Server.Tests.Lists.ListSeed;

namespace Abm.Server.Tests.Lists;

public sealed class AccountListTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task List_NoParameters_EveryAccountHighestScoreFirstWithItsRollUpAndOwner()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        await OwnerAsync(Server, workspace, "501", "Ada", "Lovelace");
        await AccountAsync(Server, workspace, new("Globex", 35, Velocity: -12.5, Coverage: 25, Stage: "problem_awareness", Tier: "tier_2", Industry: "retail"));
        await AccountAsync(Server, workspace, new("Initech", 82, Velocity: 40, Coverage: 75, Stage: "vendor_evaluation", Tier: "tier_1", Industry: "technology", Owner: "501", Contacts: 7));
        await AccountAsync(Server, workspace, new("Umbrella", 55, Scored: false));

        var list = (await client.GetFromJsonAsync<AccountListResponse>("/api/accounts"))!;

        list.Total.ShouldBe(3);
        (list.Sort, list.Order, list.Limit, list.Offset).ShouldBe(("score", "desc", 100, 0));
        list.Accounts.Select(a => a.Name).ShouldBe(["Initech", "Umbrella", "Globex"]);
        var initech = list.Accounts[0];
        (initech.Score, initech.EngagementBand, initech.Velocity, initech.StakeholderCoverage).ShouldBe((82, "hot", 40.0, 75.0));
        (initech.DominantStage, initech.ContactCount, initech.Tier, initech.Industry).ShouldBe(("vendor_evaluation", 7, "tier_1", "technology"));
        initech.Owner.ShouldBe(new AccountOwner("501", "Ada Lovelace", "ada@vendor.example"));
        list.Accounts[1].EngagementBand.ShouldBe("engaged");
        list.Accounts[1].ScoredAt.ShouldBeNull(); // not rolled up yet: no coverage, no stage
        list.Accounts[2].EngagementBand.ShouldBe("warming"); // 35: recent but light
    }

    [Fact]
    public async Task List_EachFilter_KeepsOnlyMatchingAccounts()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        await AccountAsync(Server, workspace, new("Alpha", 90, Velocity: 20, Coverage: 80, Stage: "decision_finalization", Tier: "Tier_1", Industry: "healthcare", Owner: "7"));
        await AccountAsync(Server, workspace, new("Beta", 60, Velocity: -5, Coverage: 50, Stage: "vendor_evaluation", Tier: "tier_2", Industry: "retail", Owner: "8"));
        await AccountAsync(Server, workspace, new("Gamma", 20, Velocity: 0, Coverage: 0, Stage: "problem_awareness", Tier: "tier_3", Industry: "healthcare"));

        async Task<string[]> NamesAsync(string query) =>
            [.. (await client.GetFromJsonAsync<AccountListResponse>($"/api/accounts?sort=name&{query}"))!.Accounts.Select(a => a.Name!)];

        (await NamesAsync("minScore=50")).ShouldBe(["Alpha", "Beta"]);
        (await NamesAsync("maxScore=60")).ShouldBe(["Beta", "Gamma"]);
        (await NamesAsync("minVelocity=0")).ShouldBe(["Alpha", "Gamma"]);
        (await NamesAsync("maxVelocity=-1")).ShouldBe(["Beta"]);
        (await NamesAsync("minCoverage=70")).ShouldBe(["Alpha"]);
        (await NamesAsync("maxCoverage=50")).ShouldBe(["Beta", "Gamma"]);
        (await NamesAsync("stage=vendor_evaluation")).ShouldBe(["Beta"]);
        (await NamesAsync("tier=tier_1")).ShouldBe(["Alpha"]); // any case
        (await NamesAsync("industry=Healthcare")).ShouldBe(["Alpha", "Gamma"]);
        (await NamesAsync("owner=8")).ShouldBe(["Beta"]);
        (await NamesAsync("search=ALP")).ShouldBe(["Alpha"]);
        (await NamesAsync("industry=healthcare&minScore=50")).ShouldBe(["Alpha"]);
    }

    [Theory]
    [InlineData("coverage", "asc", new[] { "Gamma", "Beta", "Alpha" })]
    [InlineData("velocity", null, new[] { "Alpha", "Gamma", "Beta" })]
    [InlineData("stage", null, new[] { "Alpha", "Beta", "Gamma" })] // journey order, furthest along first (alphabetical order would put Gamma first)
    [InlineData("stage", "asc", new[] { "Gamma", "Beta", "Alpha" })]
    [InlineData("tier", "desc", new[] { "Gamma", "Beta", "Alpha" })]
    [InlineData("name", "desc", new[] { "Gamma", "Beta", "Alpha" })]
    public async Task List_Sorted_OrdersByThatColumn(string sort, string? order, string[] expected)
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        await AccountAsync(Server, workspace, new("Alpha", 90, Velocity: 20, Coverage: 80, Stage: "post_purchase_expansion", Tier: "tier_1"));
        await AccountAsync(Server, workspace, new("Beta", 60, Velocity: -5, Coverage: 50, Stage: "decision_finalization", Tier: "tier_2"));
        await AccountAsync(Server, workspace, new("Gamma", 20, Velocity: 0, Coverage: 0, Stage: "problem_awareness", Tier: "tier_3"));

        var list = (await client.GetFromJsonAsync<AccountListResponse>($"/api/accounts?sort={sort}{(order is null ? "" : $"&order={order}")}"))!;

        list.Accounts.Select(a => a.Name).ShouldBe(expected);
    }

    [Fact]
    public async Task List_PagedThroughTiedScores_EveryAccountExactlyOnce()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        for (var i = 0; i < 25; i++)
        {
            await AccountAsync(Server, workspace, new($"Account {i:00}", i % 3 * 10));
        }

        var seen = new List<Guid>();
        for (var offset = 0; offset < 25; offset += 7)
        {
            var page = (await client.GetFromJsonAsync<AccountListResponse>($"/api/accounts?limit=7&offset={offset}"))!;
            page.Total.ShouldBe(25);
            seen.AddRange(page.Accounts.Select(a => a.Id));
        }

        seen.Count.ShouldBe(25);
        seen.Distinct().Count().ShouldBe(25);
    }

    [Theory]
    [InlineData("sort=revenue", "sort")]
    [InlineData("order=up", "order")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("minScore=abc", "minScore")]
    [InlineData("maxScore=101", "maxScore")]
    [InlineData("minVelocity=NaN", "minVelocity")]
    [InlineData("maxCoverage=Infinity", "maxCoverage")]
    [InlineData("minScore=80&maxScore=20", "minScore")]
    [InlineData("stage=buying", "stage")]
    [InlineData("industry=%00", "industry")]
    public async Task List_BadParameter_Returns400NamingIt(string query, string parameter)
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.GetAsync($"/api/accounts?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty(parameter, out _).ShouldBeTrue(errors.ToString());
    }

    [Fact]
    public async Task Lookup_ByHubSpotId_FindsOwnAccountOnlyAndNeverAnotherWorkspaces()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var (_, other) = await Server.MarketerInNewWorkspaceAsync();
        var own = await AccountAsync(Server, workspace, new("Own", 50, Coverage: 40));
        var foreign = await AccountAsync(Server, other, new("Foreign", 50));

        var found = (await client.GetFromJsonAsync<AccountRow>($"/api/accounts/lookup?hubspotId={own.HubSpotId}"))!;

        (found.Id, found.Name, found.StakeholderCoverage).ShouldBe((own.Id, "Own", 40.0));
        (await client.GetAsync($"/api/accounts/lookup?hubspotId={foreign.HubSpotId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<AccountListResponse>("/api/accounts"))!.Accounts.Select(a => a.Name).ShouldBe(["Own"]);
        var missing = await client.GetAsync("/api/accounts/lookup");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("hubspotId");
    }

    [Fact]
    public async Task RollUp_ContactsInStages_StoresDominantStageAndContactCount()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await AccountAsync(Server, workspace, new("Rolled", 0, Scored: false));
        var contacts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            contacts.Add((await ContactAsync(Server, workspace, $"Member{i}", 0, companyId: company.Id)).Id);
        }

        foreach (var id in contacts.Take(2))
        {
            (await client.PutAsJsonAsync($"/api/contacts/{id}/journey-stage", new { stage = "vendor_evaluation" })).EnsureSuccessStatusCode();
        }

        var row = (await client.GetFromJsonAsync<AccountRow>($"/api/accounts/lookup?hubspotId={company.HubSpotId}"))!;

        (row.DominantStage, row.ContactCount).ShouldBe(("vendor_evaluation", 3));
        row.ScoredAt.ShouldNotBeNull();
    }
}
