using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Engines.Experiments;
using Abm.Server.Features.Access;
using Abm.Server.Features.Experiments;
using Abm.Server.Features.Recommendations;
using Abm.Server.Features.Recommendations.Fitting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Experiments;

/// <summary>
/// Recommendation experiments over HTTP: drafted, started and stopped with their rules; accounts put in arms that rank
/// with the arm's weights and record what they were shown; the evaluator's stopping rule on seeded outcomes.
/// </summary>
public sealed class ExperimentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly object FreshnessOnly = new { industry = 0, persona = 0, stage = 0, engagementHistory = 0, freshness = 1, performance = 0 };

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Lifecycle_DraftStartStopDelete_EachRuleAnsweredAndAudited()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        var created = await CreateAsync(admin, "weights-test");
        var id = created.GetProperty("id").GetGuid();
        var other = (await CreateAsync(admin, "other-test")).GetProperty("id").GetGuid();

        created.GetProperty("status").GetString().ShouldBe("draft");
        created.GetProperty("arms")[0].GetProperty("weights").GetProperty("industry").GetDouble().ShouldBe(0.25, "the default weights, frozen");
        (await admin.PostAsJsonAsync("/api/experiments", Definition("weights-test"))).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the key is taken");
        (await admin.PostAsync($"/api/experiments/{id}/start", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/experiments/{other}/start", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "one runs at a time");
        (await admin.PutAsJsonAsync($"/api/experiments/{id}", Definition("weights-test"))).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a running definition is frozen");
        (await admin.DeleteAsync($"/api/experiments/{id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stopped = await (await admin.PostAsync($"/api/experiments/{id}/stop", null)).Content.ReadFromJsonAsync<JsonElement>();
        (await admin.DeleteAsync($"/api/experiments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (stopped.GetProperty("status").GetString(), stopped.GetProperty("decision").GetString()).ShouldBe(("stopped", $"stopped by {_keyIds[workspace]}"));
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityId={id}");
        audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Reverse()
            .ShouldBe(["experiment.created", "experiment.started", "experiment.stopped", "experiment.deleted"]);
    }

    [Theory]
    [InlineData("""{"key":"Bad Key","name":"x","arms":[{"key":"a","source":"default"},{"key":"b","source":"default"}]}""", "key")]
    [InlineData("""{"key":"k","name":"x","arms":[{"key":"a","source":"default"}]}""", "arms")]
    [InlineData("""{"key":"k","name":"x","arms":[{"key":"a","source":"default"},{"key":"a","source":"default"}]}""", "arms")]
    [InlineData("""{"key":"k","name":"x","arms":[{"key":"a","source":"default"},{"key":"holdout","source":"default"}]}""", "arms[1]")]
    [InlineData("""{"key":"k","name":"x","arms":[{"key":"a","source":"default"},{"key":"b","source":"magic"}]}""", "arms[1]")]
    [InlineData("""{"key":"k","name":"x","arms":[{"key":"a","source":"default"},{"key":"b","source":"custom","weights":{"industry":1,"persona":1,"stage":0,"engagementHistory":0,"freshness":0,"performance":0}}]}""", "arms[1]")]
    [InlineData("""{"key":"k","name":"x","arms":[{"key":"a","source":"default"},{"key":"b","source":"fit","fitId":"0198a3f0-0000-7000-8000-000000000001"}]}""", "arms[1].fitId")]
    [InlineData("""{"key":"k","name":"x","holdoutShare":0.9,"arms":[{"key":"a","source":"default"},{"key":"b","source":"default"}]}""", "holdoutShare")]
    [InlineData("""{"key":"k","name":"x","metric":"clicks","arms":[{"key":"a","source":"default"},{"key":"b","source":"default"}]}""", "metric")]
    [InlineData("""{"key":"k","name":"x","alpha":0.5,"arms":[{"key":"a","source":"default"},{"key":"b","source":"default"}]}""", "alpha")]
    [InlineData("""{"key":"k","name":"x","arms":[{"key":"a","source":"default"},{"key":"b","source":"custom","goLiveOnWin":true,"weights":{"industry":0,"persona":0,"stage":0,"engagementHistory":0,"freshness":1,"performance":0}}]}""", "arms[1]")]
    [InlineData("""{"key":"k","name":"x","maxDays":0,"arms":[{"key":"a","source":"default"},{"key":"b","source":"default"}]}""", "maxDays")]
    public async Task Create_BadDefinition_400NamingTheField(string body, string field)
    {
        var (admin, _) = await AdminInNewWorkspaceAsync();

        using var response = await admin.PostAsync("/api/experiments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Running_ContactsOfAnAccount_ShareAnArmRankWithItsWeightsAndTheirItemsAreRecordedOnce()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        for (var i = 0; i < 6; i++)
        {
            (await admin.PostAsJsonAsync("/api/content", new { title = $"Guide {i}", contentType = "whitepaper", url = $"https://vendor.example/g{i}" })).EnsureSuccessStatusCode();
        }

        var id = (await CreateAsync(admin, "arms")).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/experiments/{id}/start", null)).EnsureSuccessStatusCode();
        var companies = new List<Guid>();
        var contacts = new List<Contact>();
        for (var a = 0; a < 8; a++)
        {
            var company = await Lists.ListSeed.AccountAsync(Server, workspace, new($"Account {a}", 50));
            companies.Add(company.Id);
            contacts.Add(await Server.SeedContactAsync(workspace, "Chief Technology Officer", company.Id));
            contacts.Add(await Server.SeedContactAsync(workspace, "Buyer", company.Id));
        }

        foreach (var contact in contacts)
        {
            await admin.GetFromJsonAsync<RecommendationsResponse>($"/api/contacts/{contact.Id}/recommendations?k=3");
            await admin.GetFromJsonAsync<RecommendationsResponse>($"/api/contacts/{contact.Id}/recommendations?k=3"); // served again: recorded once
        }

        await using var database = Server.OpenDatabase();
        var exposures = await database.ExperimentExposures.IgnoreQueryFilters().Where(x => x.ExperimentId == id).ToListAsync();
        exposures.Count.ShouldBe(contacts.Count * 3);
        var arms = new[] { new ExperimentArm("control", 1), new ExperimentArm("fresh", 1) };
        foreach (var contact in contacts)
        {
            var expected = ExperimentAssignment.Assign(id.ToString("N"), contact.CompanyId!.Value.ToString("N"), arms, 0);
            exposures.Where(x => x.ContactId == contact.Id).ShouldAllBe(x => x.Arm == expected && x.UnitKey == contact.CompanyId.Value.ToString("N"));
        }

        exposures.Select(x => x.Arm).Distinct().Count().ShouldBe(2, "eight accounts fall in both arms");
        // The arm's weights rank: in the freshness-only arm every item's score is its freshness contribution alone.
        var fresh = contacts.First(c => exposures.Any(x => x.ContactId == c.Id && x.Arm == "fresh"));
        var served = (await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{fresh.Id}/recommendations?k=3")).GetProperty("items");
        served.EnumerateArray().ShouldAllBe(i => Math.Abs(i.GetProperty("score").GetDouble() - i.GetProperty("factors").GetProperty("freshness").GetDouble()) < 1e-6);
    }

    [Fact]
    public async Task Evaluate_TreatmentEngagesFarMore_StopsWithTheDecisionAndResultsShowIt()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        var id = (await CreateAsync(admin, "evaluated")).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/experiments/{id}/start", null)).EnsureSuccessStatusCode();
        await SeedOutcomesAsync(workspace, id, controlRate: 0.1, treatmentRate: 0.6);

        var stopped = await EvaluateAsync(workspace);

        stopped.ShouldBe(1);
        var experiment = await admin.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
        experiment.GetProperty("status").GetString().ShouldBe("stopped");
        experiment.GetProperty("decision").GetString()!.ShouldStartWith("fresh converts more than control");
        var results = await admin.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/results");
        var engaged = results.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "engaged_7d");
        engaged.GetProperty("primary").GetBoolean().ShouldBeTrue();
        engaged.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("accounts").GetInt32()).ShouldBe([30, 30]);
        var comparison = engaged.GetProperty("comparisons")[0];
        comparison.GetProperty("significant").GetBoolean().ShouldBeTrue();
        comparison.GetProperty("low").GetDouble().ShouldBeGreaterThan(0);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityId={id}&action=experiment.stopped");
        audit.GetProperty("items")[0].GetProperty("actor").GetString().ShouldBe("experiments");
    }

    [Fact]
    public async Task Evaluate_WinningFitArmThatGoesLiveOnWin_PutsTheFitInForceAsTheExperiments()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        var fit = await ProposedFitAsync(workspace);
        using var created = await admin.PostAsJsonAsync("/api/experiments", new
        {
            key = "fit-goes-live", name = "A fit on trial",
            arms = new object[] { new { key = "control", source = "current" }, new { key = "fresh", source = "fit", fitId = fit, goLiveOnWin = true } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/experiments/{id}/start", null)).EnsureSuccessStatusCode();
        await SeedOutcomesAsync(workspace, id, controlRate: 0.1, treatmentRate: 0.6);

        (await EvaluateAsync(workspace)).ShouldBe(1);

        (await admin.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}")).GetProperty("decision").GetString()!.ShouldEndWith($"; fit {fit} is now in force");
        var inForce = await admin.GetFromJsonAsync<JsonElement>("/api/recommendations/weights");
        (inForce.GetProperty("fitId").GetGuid(), inForce.GetProperty("approvedBy").GetString()).ShouldBe((fit, "experiments"));
        inForce.GetProperty("weights").GetProperty("freshness").GetDouble().ShouldBe(1);
    }

    [Fact]
    public async Task Evaluate_WinningFitArmWithoutGoLive_LeavesTheWeightsInForce()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        var fit = await ProposedFitAsync(workspace);
        using var created = await admin.PostAsJsonAsync("/api/experiments", new
        {
            key = "fit-on-trial", name = "A fit on trial",
            arms = new object[] { new { key = "control", source = "current" }, new { key = "fresh", source = "fit", fitId = fit } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/experiments/{id}/start", null)).EnsureSuccessStatusCode();
        await SeedOutcomesAsync(workspace, id, controlRate: 0.1, treatmentRate: 0.6);

        (await EvaluateAsync(workspace)).ShouldBe(1);

        (await admin.GetFromJsonAsync<JsonElement>("/api/recommendations/weights")).GetProperty("source").GetString().ShouldBe("default");
    }

    [Fact]
    public async Task Evaluate_NoDifferenceAndThePlannedLengthOver_StopsSayingNoDifferenceWasDetected()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        var id = (await CreateAsync(admin, "flat")).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/experiments/{id}/start", null)).EnsureSuccessStatusCode();
        await SeedOutcomesAsync(workspace, id, controlRate: 0.3, treatmentRate: 0.3);

        (await EvaluateAsync(workspace)).ShouldBe(0, "30 days are not over");
        await using (var database = Server.OpenDatabase())
        {
            var experiment = await database.Experiments.IgnoreQueryFilters().SingleAsync(e => e.Id == id);
            experiment.StartedAt = experiment.StartedAt!.Value.AddDays(-31);
            await database.SaveChangesAsync();
        }

        (await EvaluateAsync(workspace)).ShouldBe(1);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}")).GetProperty("decision").GetString()
            .ShouldBe("no difference detected by the end of the planned length");
    }

    private async Task<(HttpClient Admin, Guid Workspace)> AdminInNewWorkspaceAsync()
    {
        var workspace = await Server.CreateWorkspaceAsync($"Experiments {Guid.NewGuid():N}");
        var (keyId, key) = await Server.CreateKeyAsync(Roles.Admin, workspace);
        _keyIds[workspace] = keyId;
        return (Server.ClientWithKey(key), workspace);
    }

    private readonly Dictionary<Guid, Guid> _keyIds = [];

    private static object Definition(string key) => new
    {
        key, name = $"Experiment {key}",
        arms = new object[] { new { key = "control", source = "default" }, new { key = "fresh", source = "custom", weights = FreshnessOnly } },
    };

    private static async Task<JsonElement> CreateAsync(HttpClient admin, string key)
    {
        using var created = await admin.PostAsJsonAsync("/api/experiments", Definition(key));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>30 accounts per arm, 1-4 contacts each, each shown two items ten days ago; the given share engaged with them.</summary>
    private async Task SeedOutcomesAsync(Guid workspace, Guid experimentId, double controlRate, double treatmentRate)
    {
        var random = new Random(7);
        var shownAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-10);
        await using var database = Server.OpenDatabase();
        var item = new ContentItem { Id = Guid.NewGuid(), WorkspaceId = workspace, Title = "Guide", ContentType = "guide" };
        var other = new ContentItem { Id = Guid.NewGuid(), WorkspaceId = workspace, Title = "Sheet", ContentType = "guide" };
        database.ContentItems.AddRange(item, other);
        foreach (var (arm, rate) in new[] { ("control", controlRate), ("fresh", treatmentRate) })
        {
            for (var a = 0; a < 30; a++)
            {
                var unit = Guid.NewGuid().ToString("N");
                for (var c = random.Next(1, 5); c > 0; c--)
                {
                    var contact = new Contact { Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = Guid.NewGuid().ToString("N")[..12] };
                    database.Contacts.Add(contact);
                    foreach (var content in new[] { item, other })
                    {
                        database.ExperimentExposures.Add(new ExperimentExposure
                        {
                            Id = Guid.CreateVersion7(), WorkspaceId = workspace, ExperimentId = experimentId, Arm = arm, UnitKey = unit, ContactId = contact.Id,
                            ContentId = content.Id, ExposedAt = shownAt,
                        });
                        if (random.NextDouble() < rate)
                        {
                            database.EngagementEvents.Add(new EngagementEvent
                            {
                                Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, ContentId = content.Id, EventType = "content_download",
                                Source = "test", OccurredAt = shownAt.AddDays(2), CreatedAt = shownAt.AddDays(2),
                            });
                        }
                    }
                }
            }
        }

        await database.SaveChangesAsync();
    }

    /// <summary>A proposed fit (freshness only) judged against the default weights, as the fitting job leaves one.</summary>
    private async Task<Guid> ProposedFitAsync(Guid workspace)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var fit = new RecommenderWeightFit
        {
            Id = Guid.CreateVersion7(), WorkspaceId = workspace, Status = "proposed",
            CurrentWeights = JsonSerializer.Serialize(WeightsDocument.From(Abm.Engines.Recommendations.RelevanceWeights.Default), Web),
            FittedWeights = JsonSerializer.Serialize(FreshnessOnly, Web), Evaluation = "{}", FitCutoff = now.AddDays(-30), HeldOutCutoff = now.AddDays(-7),
            CreatedAt = now, CreatedBy = "test",
        };
        await using var database = Server.OpenDatabase();
        database.RecommenderWeightFits.Add(fit);
        await database.SaveChangesAsync();
        return fit.Id;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<int> EvaluateAsync(Guid workspace)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
        return await scope.ServiceProvider.GetRequiredService<ExperimentEvaluator>().EvaluateRunningAsync(CancellationToken.None);
    }
}
