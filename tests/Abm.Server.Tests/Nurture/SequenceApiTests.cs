using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Abm.Data.Entities;
using Microsoft.AspNetCore.Mvc;

namespace Abm.Server.Tests.Nurture;

public sealed class SequenceApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Drip = """
        {
          "name": "Spring drip",
          "triggers": [ { "type": "stage_entered", "stage": "solution_exploration" } ],
          "steps": [
            { "id": "first", "type": "send_content", "contentTypes": ["whitepaper"] },
            { "id": "pause", "type": "wait", "duration": "3d" },
            { "id": "done", "type": "end" }
          ]
        }
        """;

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Sequence_CreateEditActivatePause_KeepsEveryVersion()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var created = await client.PostAsync("/api/nurture/sequences", Json(Drip));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var sequence = (await created.Content.ReadFromJsonAsync<Detail>())!;
        var edited = await client.PutAsync($"/api/nurture/sequences/{sequence.Id}", Json(Drip.Replace("\"3d\"", "\"5d\"", StringComparison.Ordinal)));
        var activated = await client.PostAsync($"/api/nurture/sequences/{sequence.Id}/activate", null);
        var paused = await client.PostAsync($"/api/nurture/sequences/{sequence.Id}/pause", null);
        var versions = await client.GetFromJsonAsync<List<SavedVersion>>($"/api/nurture/sequences/{sequence.Id}/versions");

        (sequence.Key, sequence.Status, sequence.Version).ShouldBe(("spring-drip", "draft", 1));
        (await edited.Content.ReadFromJsonAsync<Detail>())!.Version.ShouldBe(2);
        (await activated.Content.ReadFromJsonAsync<Detail>())!.Status.ShouldBe("active");
        (await paused.Content.ReadFromJsonAsync<Detail>())!.Status.ShouldBe("paused");
        versions!.Select(v => v.Version).ShouldBe([2, 1]);
        versions![0].Document.GetProperty("steps")[1].GetProperty("duration").GetString().ShouldBe("5d");
        versions![1].Document.GetProperty("steps")[1].GetProperty("duration").GetString().ShouldBe("3d");
    }

    [Fact]
    public async Task CreateSequence_DocumentWithManyProblems_Returns400NamingEachByJsonPath()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        const string broken = """
            {
              "name": "Broken",
              "steps": [
                { "id": "a", "type": "send_content", "contentId": "no-such-item" },
                { "id": "b", "type": "branch", "condition": { "kind": "score", "atLeast": 50 }, "then": "c", "else": "a" },
                { "id": "c", "type": "create_task", "title": "Call", "owner": { "kind": "named", "ownerId": "999999" }, "next": "a" },
                { "id": "d", "type": "end" }
              ]
            }
            """;

        var response = await client.PostAsync("/api/nurture/sequences", Json(broken));
        var typeUnknown = await client.PostAsync("/api/nurture/sequences", Json("""{ "name": "x", "steps": [ { "id": "a", "type": "teleport" }, { "id": "b", "type": "branch", "condition": { "kind": "opened_last_email" } } ] }"""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(["$.steps[3]", "$.steps[0]"], ignoreOrder: true);
        problem.Errors["$.steps[0]"].ShouldContain(m => m.Contains("loop without a wait"));
        problem.Errors["$.steps[3]"].ShouldContain(m => m.Contains("never be reached"));
        var unknown = (await typeUnknown.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        unknown.Errors.Keys.ShouldBe(["$.steps[0].type", "$.steps[1].else"], ignoreOrder: true);
    }

    [Fact]
    public async Task CreateSequence_UnknownContentAndOwner_AreNamedAtTheirFields()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        const string document = """
            {
              "name": "References",
              "steps": [
                { "id": "a", "type": "send_content", "contentId": "no-such-item" },
                { "id": "b", "type": "create_task", "title": "Call", "owner": { "kind": "named", "ownerId": "999999" } }
              ]
            }
            """;

        var validated = await client.PostAsync("/api/nurture/sequences/validate", Json(document));
        var created = await client.PostAsync("/api/nurture/sequences", Json(document));

        var outcome = (await validated.Content.ReadFromJsonAsync<Outcome>())!;
        outcome.Valid.ShouldBeFalse();
        outcome.Problems.Select(p => p.Path).ShouldBe(["$.steps[0].contentId", "$.steps[1].owner.ownerId"]);
        created.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Templates_InstantiatedTwice_GetDistinctKeysAndPassValidation()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var templates = await client.GetFromJsonAsync<List<Template>>("/api/nurture/templates");
        var first = await client.PostAsync("/api/nurture/templates/high_intent_fast_track", null);
        var second = await client.PostAsync("/api/nurture/templates/high_intent_fast_track", null);
        var missing = await client.PostAsync("/api/nurture/templates/nope", null);

        templates!.Select(t => t.Key).ShouldBe(["awareness_to_evaluation", "cold_account_reengagement", "high_intent_fast_track"]);
        (await first.Content.ReadFromJsonAsync<Detail>())!.Key.ShouldBe("high-intent-fast-track");
        (await second.Content.ReadFromJsonAsync<Detail>())!.Key.ShouldBe("high-intent-fast-track-2");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Schema_IsPublishedAsJsonSchema()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.GetAsync("/api/nurture/schema");

        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/schema+json");
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        schema.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");
    }

    [Fact]
    public async Task DryRun_FastTrackForAHotContact_ShowsCaseStudyThenHighTaskWithoutTouchingAnything()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await SeedContactAsync(workspace, score: 82, stage: "vendor_evaluation", timeZone: "europe_slash_london");
        var sequence = (await (await client.PostAsync("/api/nurture/templates/high_intent_fast_track", null)).Content.ReadFromJsonAsync<Detail>())!;
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        var response = await client.PostAsJsonAsync($"/api/nurture/sequences/{sequence.Id}/dry-run", new { contactId = contact.Id, start, horizonDays = 30 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var run = (await response.Content.ReadFromJsonAsync<DryRun>())!;
        run.TimeZone.ShouldBe("Europe/London");
        run.Steps.Select(s => s.StepId).ShouldBe(["case_study", "call", "done"]);
        run.Steps[1].Action.ShouldBe("create a HIGH task 'High intent: call within a day' for the contact's owner, due in 1 day(s)");
        await using var database = Server.OpenDatabase();
        database.NurtureEnrollments.Count(e => e.ContactId == contact.Id).ShouldBe(0);
    }

    [Fact]
    public async Task DryRun_BadHorizonOrZone_Returns400()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await SeedContactAsync(workspace, score: 10, stage: "problem_awareness", timeZone: null);
        var sequence = (await (await client.PostAsync("/api/nurture/sequences", Json(Drip))).Content.ReadFromJsonAsync<Detail>())!;

        var horizon = await client.PostAsJsonAsync($"/api/nurture/sequences/{sequence.Id}/dry-run", new { contactId = contact.Id, horizonDays = 0 });
        var zone = await client.PostAsJsonAsync($"/api/nurture/sequences/{sequence.Id}/dry-run", new { contactId = contact.Id, timeZone = "Mars/Olympus" });

        horizon.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        zone.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sequences_OtherWorkspaceAndViewer_AreRefused()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var (other, _) = await Server.MarketerInNewWorkspaceAsync();
        var viewer = Server.ClientWithKey((await Server.CreateKeyAsync("viewer", workspace)).Key);
        var sequence = (await (await client.PostAsync("/api/nurture/sequences", Json(Drip))).Content.ReadFromJsonAsync<Detail>())!;

        (await other.GetAsync($"/api/nurture/sequences/{sequence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/nurture/sequences/{sequence.Id}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.GetAsync($"/api/nurture/sequences/{sequence.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsync("/api/nurture/sequences", Json(Drip))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DeleteSequence_WithAnActiveEnrolment_Returns409_ElseDeletes()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await SeedContactAsync(workspace, score: 10, stage: "problem_awareness", timeZone: null);
        var busy = (await (await client.PostAsync("/api/nurture/sequences", Json(Drip))).Content.ReadFromJsonAsync<Detail>())!;
        var idle = (await (await client.PostAsync("/api/nurture/sequences", Json(Drip))).Content.ReadFromJsonAsync<Detail>())!;
        await using (var database = Server.OpenDatabase())
        {
            database.NurtureEnrollments.Add(new NurtureEnrollment { Id = Guid.NewGuid(), WorkspaceId = workspace, ContactId = contact.Id, SequenceId = busy.Id, EnrolledAt = DateTime.UnixEpoch });
            await database.SaveChangesAsync();
        }

        (await client.DeleteAsync($"/api/nurture/sequences/{busy.Id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.DeleteAsync($"/api/nurture/sequences/{idle.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/nurture/sequences/{idle.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<Contact> SeedContactAsync(Guid workspace, int score, string stage, string? timeZone)
    {
        var contact = await Server.SeedContactAsync(workspace, jobTitle: "CTO");
        await using var database = Server.OpenDatabase();
        database.Attach(contact);
        contact.EngagementScore = score;
        contact.JourneyStage = stage;
        contact.Properties = timeZone is null ? "{}" : JsonSerializer.Serialize(new Dictionary<string, string> { ["hs_timezone"] = timeZone });
        await database.SaveChangesAsync();
        return contact;
    }

    [Fact]
    public async Task CreateSequence_AsYaml_IsReadAsTheSameDocumentAsJson()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        const string drip = """
            # The same drip as the JSON one, in YAML.
            name: Spring drip
            triggers:
              - type: stage_entered
                stage: solution_exploration
            guardrails: { maxTouchesPerContactPerWeek: 2, skipWeekends: false }
            steps:
              - id: first
                type: send_content
                contentTypes: [whitepaper]
              - { id: pause, type: wait, duration: "3d" }
              - id: done
                type: end
            """;

        var created = await client.PostAsync("/api/nurture/sequences", Yaml(drip, "application/yaml"));
        var validated = await client.PostAsync("/api/nurture/sequences/validate", Yaml(drip, "text/yaml"));

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var document = (await created.Content.ReadFromJsonAsync<Detail>())!.Document;
        document.GetProperty("steps")[1].GetProperty("duration").GetString().ShouldBe("3d");
        document.GetProperty("guardrails").GetProperty("maxTouchesPerContactPerWeek").GetInt32().ShouldBe(2);
        document.GetProperty("guardrails").GetProperty("skipWeekends").GetBoolean().ShouldBeFalse();
        (await validated.Content.ReadFromJsonAsync<Outcome>())!.Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task CreateSequence_YamlWithSchemaProblems_Returns400NamingEachByJsonPath()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        const string broken = """
            name: x
            steps:
              - { id: a, type: teleport }
              - id: b
                type: branch
                condition: { kind: opened_last_email }
            """;

        var response = await client.PostAsync("/api/nurture/sequences", Yaml(broken, "application/yaml"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["$.steps[0].type", "$.steps[1].else"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("name: [unclosed\nsteps: x")]
    [InlineData("name: a\n  bad indent: b\n- c")]
    [InlineData("name: a\nname: b")]
    [InlineData("--- \nname: a\n---\nname: b")]
    [InlineData("? [a, b]\n: c")]
    [InlineData("a: &x [*x]")]
    [InlineData("a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]")]
    public async Task CreateSequence_YamlThatDoesNotRead_Returns400AtTheRoot(string yaml)
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.PostAsync("/api/nurture/sequences", Yaml(yaml, "application/yaml"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldContain("$");
    }

    [Fact]
    public async Task CreateSequence_NeitherJsonNorYaml_Returns415()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.PostAsync("/api/nurture/sequences", new StringContent(Drip, Encoding.UTF8, "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    private static StringContent Yaml(string yaml, string mediaType) => new(yaml, Encoding.UTF8, mediaType);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed record Detail(Guid Id, string Key, string Name, string Status, int Version, JsonElement Document);

    private sealed record SavedVersion(int Version, string CreatedBy, JsonElement Document);

    private sealed record Outcome(bool Valid, List<PathProblem> Problems);

    private sealed record PathProblem(string Path, string Message);

    private sealed record Template(string Key, string Name);

    private sealed record DryRun(Guid SequenceId, string TimeZone, List<DryRunStep> Steps);

    private sealed record DryRunStep(DateTimeOffset At, string StepId, string Action, List<string> Why);
}
