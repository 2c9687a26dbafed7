using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Recommendations;
using Abm.Server.Features.Access;
using Abm.Server.Features.Recommendations.Fitting;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Recommendations;

/// <summary>
/// Fitting the recommender's weights on a workspace's own history, proposing them only when they beat the weights in
/// force on the held-out period, and putting them in force by an admin's approval.
/// </summary>
public sealed class WeightFitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Fit_ReadersKeepToTheirTopic_ProposedApprovedThenEveryRecommendationUsesItUntilReset()
    {
        var (admin, _, contacts) = await ReadersOfPricingAsync(contacts: 40);
        var before = await TopTopicAsync(admin, contacts[0]);

        var created = await admin.PostAsJsonAsync("/api/recommendations/weight-fits", new { });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var fit = (await created.Content.ReadFromJsonAsync<WeightFitResponse>())!;

        // Under the default weights the stage-targeted security items outrank the pricing items these readers go on
        // to read, so the weights in force score 0 on both periods; the fitted ones find the readers' items.
        before.ShouldBe("security");
        fit.Status.ShouldBe("proposed");
        fit.CurrentWeights.ShouldBe(WeightsDocument.From(Abm.Engines.Recommendations.RelevanceWeights.Default));
        // What tells the two apart: stage (1 against 0.5) for the security items, history (1 against 0.5) for the pricing ones.
        fit.FittedWeights.EngagementHistory.ShouldBeGreaterThan(fit.FittedWeights.Stage);
        (fit.Evaluation.CurrentOnFit.Ndcg, fit.Evaluation.CurrentOnHeldOut.Ndcg).ShouldBe((0, 0));
        fit.Evaluation.FittedOnHeldOut.Ndcg.ShouldBeGreaterThan(0.3);
        fit.Evaluation.FittedOnHeldOut.HitRate.ShouldBe(1);
        (fit.Evaluation.CurrentOnFit.Contacts, fit.Evaluation.CurrentOnHeldOut.Contacts).ShouldBe((40, 40));
        (fit.Evaluation.Margin, fit.Evaluation.PeriodDays).ShouldBe((0.03, 7));
        (await admin.GetFromJsonAsync<WeightsInForceResponse>("/api/recommendations/weights"))!.Source.ShouldBe("default");

        var approved = await admin.PostAsync($"/api/recommendations/weight-fits/{fit.Id}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var inForce = (await admin.GetFromJsonAsync<WeightsInForceResponse>("/api/recommendations/weights"))!;
        var after = await RecommendAsync(admin, contacts[0]);
        (await admin.PostAsync($"/api/recommendations/weight-fits/{fit.Id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (inForce.Source, inForce.FitId, inForce.Weights).ShouldBe(("fitted", fit.Id, fit.FittedWeights));
        inForce.ApprovedBy.ShouldNotBeNull();
        after.Items[0].Title.ShouldStartWith("pricing");
        // Still six contributions that sum to the score, now under the fitted weights.
        var top = after.Items[0];
        (top.Factors.Industry + top.Factors.Persona + top.Factors.Stage + top.Factors.EngagementHistory + top.Factors.Freshness + top.Factors.Performance)
            .ShouldBe(top.Score, 1e-9);
        top.Factors.Stage.ShouldBe(fit.FittedWeights.Stage * 0.5, 1e-9); // pricing items target no stage: neutral 0.5

        var reset = await admin.DeleteAsync("/api/recommendations/weights");
        (await reset.Content.ReadFromJsonAsync<WeightsInForceResponse>())!.Source.ShouldBe("default");
        (await TopTopicAsync(admin, contacts[0])).ShouldBe("security");
        var fits = (await admin.GetFromJsonAsync<List<WeightFitResponse>>("/api/recommendations/weight-fits"))!;
        fits.Single().Status.ShouldBe("superseded");

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=recommender_weight_fit");
        audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString())
            .ShouldBe(["recommender.weights_reset", "recommender.weights_approved", "recommender.weights_fitted"]);
    }

    [Fact]
    public async Task Fit_TwoProposals_ApprovingTheSecondAfterTheFirstIsRefusedAndRejectKeepsTheWeights()
    {
        var (admin, _, _) = await ReadersOfPricingAsync(contacts: 35);
        var first = await FitAsync(admin);
        var second = await FitAsync(admin);
        var third = await FitAsync(admin);

        (await admin.PostAsync($"/api/recommendations/weight-fits/{first.Id}/approve", null)).EnsureSuccessStatusCode();
        var stale = await admin.PostAsync($"/api/recommendations/weight-fits/{second.Id}/approve", null);
        var rejected = await admin.PostAsync($"/api/recommendations/weight-fits/{third.Id}/reject", null);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("no longer in force");
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rejected.Content.ReadFromJsonAsync<WeightFitResponse>())!.Status.ShouldBe("rejected");
        (await admin.GetFromJsonAsync<WeightsInForceResponse>("/api/recommendations/weights"))!.FitId.ShouldBe(first.Id);
        (await admin.PostAsync($"/api/recommendations/weight-fits/{third.Id}/reject", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync($"/api/recommendations/weight-fits/{Guid.NewGuid()}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/recommendations/weight-fits/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetFromJsonAsync<WeightFitResponse>($"/api/recommendations/weight-fits/{second.Id}"))!.Status.ShouldBe("proposed");
    }

    [Fact]
    public async Task Fit_TooLittleHistoryOrBadOptions_ClearProblemsAndNothingStored()
    {
        var (admin, workspace, _) = await ReadersOfPricingAsync(contacts: 10);
        var marketer = Server.ClientWithKey((await Server.CreateKeyAsync("marketer", workspace)).Key);

        var thin = await admin.PostAsJsonAsync("/api/recommendations/weight-fits", new { });
        var badPeriod = await admin.PostAsJsonAsync("/api/recommendations/weight-fits", new { periodDays = 0 });
        var badMargin = await admin.PostAsJsonAsync("/api/recommendations/weight-fits", new { margin = 2.0 });
        var badSample = await admin.PostAsJsonAsync("/api/recommendations/weight-fits", new { maxContacts = 5 });

        thin.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await thin.Content.ReadAsStringAsync()).ShouldContain("at least 30 in each period");
        badPeriod.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badPeriod.Content.ReadAsStringAsync()).ShouldContain("periodDays");
        badMargin.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badMargin.Content.ReadAsStringAsync()).ShouldContain("margin");
        badSample.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badSample.Content.ReadAsStringAsync()).ShouldContain("maxContacts");
        (await marketer.PostAsJsonAsync("/api/recommendations/weight-fits", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketer.GetFromJsonAsync<WeightsInForceResponse>("/api/recommendations/weights"))!.Source.ShouldBe("default");
        (await admin.GetFromJsonAsync<List<WeightFitResponse>>("/api/recommendations/weight-fits"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task ScheduledFit_TwoInstancesAtOnceThenAgainTheSameWeek_OneFitKept()
    {
        var (admin, workspace, _) = await ReadersOfPricingAsync(contacts: 32);

        var atOnce = await Task.WhenAll(ScheduledFitAsync(workspace), ScheduledFitAsync(workspace));
        var again = await ScheduledFitAsync(workspace);

        atOnce.Count(stored => stored).ShouldBe(1);
        again.ShouldBeFalse();
        var fit = (await admin.GetFromJsonAsync<List<WeightFitResponse>>("/api/recommendations/weight-fits"))!.ShouldHaveSingleItem();
        (fit.CreatedBy, fit.Status).ShouldBe(("nightly pass", "proposed"));
        (await admin.GetFromJsonAsync<WeightsInForceResponse>("/api/recommendations/weights"))!.Source.ShouldBe("default"); // waits for an admin
    }

    // What the nightly pass does for one workspace, in a scope (and database connection) of its own, as another
    // server instance would.
    private async Task<bool> ScheduledFitAsync(Guid workspace)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
        return await scope.ServiceProvider.GetRequiredService<WeightFitting>().RunScheduledAsync(workspace, CancellationToken.None);
    }

    private static async Task<WeightFitResponse> FitAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/recommendations/weight-fits", new { });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WeightFitResponse>())!;
    }

    private static async Task<RecommendationsResponse> RecommendAsync(HttpClient client, Guid contact) =>
        (await client.GetFromJsonAsync<RecommendationsResponse>($"/api/contacts/{contact}/recommendations?k=5"))!;

    private static async Task<string> TopTopicAsync(HttpClient client, Guid contact) =>
        (await RecommendAsync(client, contact)).Items[0].Title.Split(' ')[0];

    /// <summary>
    /// Six pricing whitepapers and six security whitepapers written for every stage, all published 60 days ago. Each
    /// contact read two pricing items 20 days ago, another 10 days ago and another 3 days ago: the first read falls
    /// before both periods, the second in the fit period, the third in the held-out period.
    /// </summary>
    private async Task<(HttpClient Admin, Guid Workspace, List<Guid> Contacts)> ReadersOfPricingAsync(int contacts)
    {
        var workspace = await Server.CreateWorkspaceAsync($"Fit {Guid.NewGuid():N}");
        var admin = Server.ClientWithKey((await Server.CreateKeyAsync("admin", workspace)).Key);
        var now = TimeProvider.System.GetUtcNow();
        var stages = new[] { "problem_awareness", "solution_exploration", "vendor_evaluation", "decision_finalization", "post_purchase_expansion" };
        var pricing = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var topic = i < 6 ? "pricing" : "security";
            var response = await admin.PostAsJsonAsync("/api/content", new
            {
                title = $"{topic} guide {i}", contentType = "whitepaper", topic, publishedAt = now.AddDays(-60),
                targetJourneyStages = topic == "security" ? stages : [],
            });
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
            if (topic == "pricing")
            {
                pricing.Add((await response.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id);
            }
        }

        var seeded = new List<Abm.Data.Entities.Contact>();
        for (var c = 0; c < contacts; c++)
        {
            seeded.Add(await Server.SeedContactAsync(workspace));
        }

        var events = seeded.SelectMany((contact, c) => new[] { (-20, 0), (-20, 1), (-10, 2), (-3, 3) }.Select(read => new
        {
            type = "website_visit", occurredAt = now.AddDays(read.Item1), contactHubSpotId = contact.HubSpotId, contentId = pricing[(c + read.Item2) % 6],
        }));
        (await admin.PostAsJsonAsync("/api/events", new { events = events.ToArray() })).EnsureSuccessStatusCode();
        return (admin, workspace, [.. seeded.Select(s => s.Id)]);
    }
}
