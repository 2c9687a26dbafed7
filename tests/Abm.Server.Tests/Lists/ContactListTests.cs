using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Contacts;
using Abm.Server.Features.Content;
using Abm.Server.Features.Recommendations;
using static Abm.Server.Tests.Lists.ListSeed;

namespace Abm.Server.Tests.Lists;

public sealed class ContactListTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task List_Contacts_CarryScoreStagePersonaSegmentsAndCompany()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await AccountAsync(Server, workspace, new("Initech", 70));
        var contact = await ContactAsync(Server, workspace, "Lumbergh", 64, "vendor_evaluation", "operations_manager", company.Id, ["engaged"]);

        var list = (await client.GetFromJsonAsync<ContactListResponse>("/api/contacts"))!;

        var row = list.Contacts.ShouldHaveSingleItem();
        (row.Id, row.Score, row.EngagementBand, row.JourneyStage, row.Persona).ShouldBe((contact.Id, 64, "engaged", "vendor_evaluation", "operations_manager"));
        (row.CompanyId, row.Company).ShouldBe((company.Id, "Initech"));
        row.Segments.ShouldBe(["engaged"]);
        (list.Sort, list.Order).ShouldBe(("name", "asc"));
    }

    [Fact]
    public async Task List_LeadScored_CarriesTheCurrentScoresPriorityOnly()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var scored = await ContactAsync(Server, workspace, "Scored", 50);
        await ContactAsync(Server, workspace, "Unscored", 40);
        await using (var database = Server.OpenDatabase())
        {
            database.LeadScores.AddRange(
                new Abm.Data.Entities.LeadScore { Id = Guid.NewGuid(), WorkspaceId = workspace, ContactId = scored.Id, Score = 30, Fit = "weak", NextAction = "nurture", Priority = "low", Method = "rules", IsCurrent = false },
                new Abm.Data.Entities.LeadScore { Id = Guid.NewGuid(), WorkspaceId = workspace, ContactId = scored.Id, Score = 85, Fit = "strong", NextAction = "call", Priority = "high", Method = "rules", IsCurrent = true });
            await database.SaveChangesAsync();
        }

        var list = (await client.GetFromJsonAsync<ContactListResponse>("/api/contacts"))!;

        list.Contacts.Select(c => (c.LastName, c.LeadPriority)).ShouldBe([("Scored", "high"), ("Unscored", null)]);
    }

    [Fact]
    public async Task List_ByLeadPriority_FiltersEachPriorityAndSortsHighToUnscoredThenByLeadScore()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var (lowA, highA, medium, highB, unscored) = (await ContactAsync(Server, workspace, "LowA", 50), await ContactAsync(Server, workspace, "HighA", 20),
            await ContactAsync(Server, workspace, "Medium", 30), await ContactAsync(Server, workspace, "HighB", 10), await ContactAsync(Server, workspace, "Unscored", 90));
        await using (var database = Server.OpenDatabase())
        {
            Abm.Data.Entities.LeadScore Score(Guid contact, int score, string priority, bool current = true) => new()
            {
                Id = Guid.NewGuid(), WorkspaceId = workspace, ContactId = contact, Score = score, Fit = "f", NextAction = "n", Priority = priority, Method = "rules", IsCurrent = current,
            };
            database.LeadScores.AddRange(Score(lowA.Id, 40, "low"), Score(highA.Id, 80, "high"), Score(medium.Id, 60, "medium"), Score(highB.Id, 95, "high"),
                Score(unscored.Id, 99, "high", current: false)); // an old score does not count
            await database.SaveChangesAsync();
        }

        async Task<string?[]> NamesAsync(string query) =>
            [.. (await client.GetFromJsonAsync<ContactListResponse>($"/api/contacts?{query}"))!.Contacts.Select(c => c.LastName)];

        (await NamesAsync("sort=leadPriority")).ShouldBe(["HighB", "HighA", "Medium", "LowA", "Unscored"]);
        (await NamesAsync("sort=leadPriority&order=asc")).ShouldBe(["Unscored", "LowA", "Medium", "HighA", "HighB"]);
        (await NamesAsync("leadPriority=high")).ShouldBe(["HighA", "HighB"]);
        (await NamesAsync("leadPriority=none")).ShouldBe(["Unscored"]);
        (await NamesAsync("leadPriority=medium&sort=score")).ShouldBe(["Medium"]);
    }

    [Fact]
    public async Task List_FiltersAndSorts_MatchWhatWasAsked()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await AccountAsync(Server, workspace, new("Hooli", 50));
        await ContactAsync(Server, workspace, "Adams", 90, "decision_finalization", "c_suite_executive", company.Id, ["high_value"]);
        await ContactAsync(Server, workspace, "Baker", 45, "solution_exploration", "technical_director", company.Id);
        await ContactAsync(Server, workspace, "Clark", 10, "problem_awareness", "technical_director", null, ["cold"]);
        await ContactAsync(Server, workspace, "Davis", 75, "vendor_evaluation", "unknown");

        async Task<string[]> NamesAsync(string query) =>
            [.. (await client.GetFromJsonAsync<ContactListResponse>($"/api/contacts?{query}"))!.Contacts.Select(c => c.LastName!)];

        (await NamesAsync("")).ShouldBe(["Adams", "Baker", "Clark", "Davis"]);
        (await NamesAsync("sort=score")).ShouldBe(["Adams", "Davis", "Baker", "Clark"]);
        (await NamesAsync("sort=score&order=asc&limit=2")).ShouldBe(["Clark", "Baker"]);
        (await NamesAsync("sort=stage")).ShouldBe(["Adams", "Davis", "Baker", "Clark"]); // journey order, furthest along first
        (await NamesAsync("minScore=40&maxScore=80")).ShouldBe(["Baker", "Davis"]);
        (await NamesAsync("stage=problem_awareness")).ShouldBe(["Clark"]);
        (await NamesAsync("persona=technical_director")).ShouldBe(["Baker", "Clark"]);
        (await NamesAsync($"companyId={company.Id}")).ShouldBe(["Adams", "Baker"]);
        (await NamesAsync("segment=cold")).ShouldBe(["Clark"]);
        (await NamesAsync("search=DAV")).ShouldBe(["Davis"]);
        (await NamesAsync("persona=technical_director&minScore=20")).ShouldBe(["Baker"]);
    }

    [Theory]
    [InlineData("sort=company", "sort")]
    [InlineData("order=sideways", "order")]
    [InlineData("limit=abc", "limit")]
    [InlineData("minScore=-1", "minScore")]
    [InlineData("stage=closed_won", "stage")]
    [InlineData("persona=ceo", "persona")]
    [InlineData("leadPriority=urgent", "leadPriority")]
    [InlineData("companyId=not-an-id", "companyId")]
    [InlineData("minScore=90&maxScore=10", "minScore")]
    public async Task List_BadParameter_Returns400NamingIt(string query, string parameter)
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.GetAsync($"/api/contacts?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty(parameter, out _).ShouldBeTrue(errors.ToString());
    }

    [Fact]
    public async Task Lookup_ByHubSpotIdOrEmail_FindsOwnContactOnly()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var (_, other) = await Server.MarketerInNewWorkspaceAsync();
        var own = await ContactAsync(Server, workspace, "Own", 33, email: "own.buyer@acme.example");
        var foreign = await ContactAsync(Server, other, "Foreign", 33, email: "foreign.buyer@acme.example");

        (await client.GetFromJsonAsync<ContactRow>($"/api/contacts/lookup?hubspotId={own.HubSpotId}"))!.Id.ShouldBe(own.Id);
        (await client.GetFromJsonAsync<ContactRow>("/api/contacts/lookup?email=Own.Buyer@ACME.example"))!.Id.ShouldBe(own.Id);
        (await client.GetAsync($"/api/contacts/lookup?hubspotId={foreign.HubSpotId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/contacts/lookup?email=foreign.buyer@acme.example")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/contacts/lookup?hubspotId={own.HubSpotId}&email=own.buyer@acme.example")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var neither = await client.GetAsync("/api/contacts/lookup");
        neither.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await neither.Content.ReadAsStringAsync()).ShouldContain("hubspotId");
    }

    [Fact]
    public async Task Recommendations_EveryItem_CarriesUrlAndExternalId()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace, "Chief Technology Officer");
        var created = await client.PostAsJsonAsync("/api/content", new
        {
            title = "Platform guide", contentType = "whitepaper", url = "https://vendor.example/platform-guide", externalId = "cms-4711",
        });
        var item = (await created.Content.ReadFromJsonAsync<ContentItemResponse>())!;

        var response = (await client.GetFromJsonAsync<RecommendationsResponse>($"/api/contacts/{contact.Id}/recommendations?k=1"))!;

        var recommended = response.Items.ShouldHaveSingleItem();
        (recommended.ContentId, recommended.Url, recommended.ExternalId).ShouldBe((item.Id, "https://vendor.example/platform-guide", "cms-4711"));
    }
}
