using System.Net;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Pipelines;

/// <summary>Deal pipelines as HubSpot's pipelines v3 API serves them, and deal writes checked against them.</summary>
public sealed class PipelineTests
{
    private static readonly string[] DefaultStages =
        ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"];

    [Fact]
    public async Task ListPipelines_NewPortal_ServesTheDefaultPipelineWithHubSpotsStages()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/pipelines/deals");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pipeline = body!["results"]!.AsArray().Single()!;
        pipeline["id"]!.GetValue<string>().ShouldBe("default");
        pipeline["label"]!.GetValue<string>().ShouldBe("Sales Pipeline");
        pipeline["archived"]!.GetValue<bool>().ShouldBeFalse();
        var stages = pipeline["stages"]!.AsArray();
        stages.Select(s => s!["id"]!.GetValue<string>()).ShouldBe(DefaultStages);
        stages.Select(s => s!["displayOrder"]!.GetValue<int>()).ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        stages.Select(s => s!["metadata"]!["probability"]!.GetValue<string>()).ShouldBe(["0.2", "0.4", "0.6", "0.8", "0.9", "1.0", "0.0"]);
        stages.Select(s => s!["metadata"]!["isClosed"]!.GetValue<string>()).ShouldBe(["false", "false", "false", "false", "false", "true", "true"]);
        stages[3]!["label"]!.GetValue<string>().ShouldBe("Decision Maker Bought-In");
    }

    [Fact]
    public async Task ListStages_DefaultAndUnknownPipeline_AnswersStagesOr404()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (found, stages) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/pipelines/deals/default/stages");
        var (missing, error) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/pipelines/deals/nope/stages");
        var (stage, won) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/pipelines/deals/default/stages/closedwon");

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        stages!["results"]!.AsArray().Count.ShouldBe(7);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        error!["category"]!.GetValue<string>().ShouldBe("OBJECT_NOT_FOUND");
        stage.StatusCode.ShouldBe(HttpStatusCode.OK);
        won!["metadata"]!["isClosed"]!.GetValue<string>().ShouldBe("true");
    }

    [Fact]
    public async Task CreatePipeline_ThenDealsInIt_AcceptsItsStagesAndRefusesAStageOfAnotherPipeline()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (created, pipeline) = await CreateRenewalsAsync(sandbox);
        var pipelineId = pipeline!["id"]!.GetValue<string>();
        var renewalStage = pipeline["stages"]![0]!["id"]!.GetValue<string>();

        var (inIt, _) = await CreateDealAsync(sandbox, pipelineId, renewalStage);
        var (mixed, refusal) = await CreateDealAsync(sandbox, "default", renewalStage);
        var (defaultStageInRenewals, _) = await CreateDealAsync(sandbox, pipelineId, "closedwon");
        var (listed, all) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/pipelines/deals");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        pipeline["stages"]!.AsArray().Count.ShouldBe(2);
        long.TryParse(pipelineId, out _).ShouldBeTrue("HubSpot numbers the pipelines it creates");
        inIt.StatusCode.ShouldBe(HttpStatusCode.Created);
        mixed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refusal!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
        refusal["errors"]![0]!["context"]!["propertyName"]![0]!.GetValue<string>().ShouldBe("dealstage");
        defaultStageInRenewals.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        all!["results"]!.AsArray().Select(p => p!["label"]!.GetValue<string>()).ShouldBe(["Sales Pipeline", "Renewals"]);
    }

    [Fact]
    public async Task UpdateDeal_UnknownStage_Returns400InvalidOption()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, deal) = await CreateDealAsync(sandbox, "default", "appointmentscheduled");

        var (response, body) = await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/deals/{deal!["id"]}", new { properties = new { dealstage = "nosuchstage" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("INVALID_OPTION");
    }

    [Fact]
    public async Task CreatePipeline_LabelTakenOrNoStages_IsRefused()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (taken, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/pipelines/deals", new { label = "Sales Pipeline", displayOrder = 1, stages = new[] { new { label = "Open", displayOrder = 0, metadata = new { probability = "0.5" } } } });
        var (empty, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/pipelines/deals", new { label = "Empty", displayOrder = 1, stages = Array.Empty<object>() });
        var (noProbability, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/pipelines/deals", new { label = "Vague", displayOrder = 1, stages = new[] { new { label = "Open", displayOrder = 0 } } });
        var (tickets, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/pipelines/tickets");

        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noProbability.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        tickets.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListPipelines_TokenWithoutDealScopes_Returns403MissingScopes()
    {
        var options = TestSandbox.Options() with { Portals = [new SandboxPortalOptions { Accounts = 1, PrivateAppScopes = ["crm.objects.contacts.read"] }] };
        await using var sandbox = await TestSandbox.StartAsync(options);

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/pipelines/deals");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        body!["category"]!.GetValue<string>().ShouldBe("MISSING_SCOPES");
    }

    [Fact]
    public async Task Restart_WithDataFile_KeepsCreatedPipelinesAndTheirStageOptions()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.db");
        try
        {
            var options = TestSandbox.Options() with { DataFile = file };
            string before, pipelineId, stageId;
            await using (var sandbox = await TestSandbox.StartAsync(options))
            {
                var (_, pipeline) = await CreateRenewalsAsync(sandbox);
                (pipelineId, stageId) = (pipeline!["id"]!.GetValue<string>(), pipeline["stages"]![1]!["id"]!.GetValue<string>());
                before = (await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/pipelines/deals")).Body!.ToJsonString();
            }

            await using var restarted = await TestSandbox.StartAsync(options);
            var after = (await restarted.SendAsync(HttpMethod.Get, "/crm/v3/pipelines/deals")).Body!.ToJsonString();
            var (deal, _) = await CreateDealAsync(restarted, pipelineId, stageId);

            after.ShouldBe(before);
            deal.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<(HttpResponseMessage Response, JsonNode? Body)> CreateRenewalsAsync(TestSandbox sandbox) =>
        sandbox.SendAsync(HttpMethod.Post, "/crm/v3/pipelines/deals", new
        {
            label = "Renewals",
            displayOrder = 1,
            stages = new object[]
            {
                new { label = "Renewal due", displayOrder = 0, metadata = new { probability = "0.5" } },
                new { label = "Renewed", displayOrder = 1, metadata = new { probability = "1.0", isClosed = "true" } },
            },
        });

    private static Task<(HttpResponseMessage Response, JsonNode? Body)> CreateDealAsync(TestSandbox sandbox, string pipeline, string stage) =>
        sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/deals", new { properties = new { dealname = "Pipeline test", pipeline, dealstage = stage } });
}
