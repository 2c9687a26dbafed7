using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Leads;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Abm.Testing.FakeLlmProvider;

namespace Abm.Server.Tests.Leads;

/// <summary>
/// OpenAI embeddings through the real OpenAI SDK (behind <c>IEmbeddingGenerator</c>), pointed at a fake provider on
/// loopback that answers deterministic vectors: the model and dimension recorded with each vector, retries on 429 and
/// 500, and what a lead gets when the model keeps failing (a score on the criteria alone, marked, scored again later).
/// The embedder keeps the vectors of documents it has seen, so every test's profile and lead are its own (a unique
/// tool in the profile, a unique title) and reach the provider.
/// </summary>
public sealed class OpenAIEmbeddingTests(OpenAIEmbeddingTests.Servers servers) : IClassFixture<OpenAIEmbeddingTests.Servers>
{
    private const string Model = "text-embedding-3-small";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One fake provider and a server with an OpenAI key, embedding with <c>auto</c> (so: OpenAI), no language model.</summary>
    public sealed class Servers : IAsyncLifetime
    {
        public FakeLlmProvider Provider { get; private set; } = null!;
        public AbmServerFactory Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Provider = await FakeLlmProvider.StartAsync();
            Server = await AbmServerFactory.StartAsync(OpenAISettings(Provider));
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    private static Dictionary<string, string> OpenAISettings(FakeLlmProvider provider) => new()
    {
        ["OPENAI_API_KEY"] = "sk-openai-test-key", ["OPENAI_BASE_URL"] = provider.OpenAIBaseUrl, ["Leads:EmbeddingModel"] = "auto",
        ["Leads:EmbeddingRetryDelayMilliseconds"] = "10", ["Leads:SimilarityRetryMinutes"] = "0",
    };

    [Fact]
    public async Task OpenAIKeySet_ExamplesAndLeads_EmbeddedByOpenAIWithTheModelAndDimensionRecorded()
    {
        servers.Provider.Reset();
        var server = servers.Server;
        var (client, workspace) = await ProfiledWorkspaceAsync(server);
        var examples = await ExamplesAsync(server, workspace);
        examples.ShouldHaveSingleItem();
        examples.ShouldAllBe(e => e.EmbeddingModel == Model && e.EmbeddingDimensions == 1_536 && e.Embedding!.Length == 1_536 * sizeof(float));
        var exampleDocument = servers.Provider.EmbeddingRequests.ShouldHaveSingleItem().Inputs.ShouldHaveSingleItem();
        LeadEmbedder.FromBytes(examples[0].Embedding!).ShouldBe(Vector(exampleDocument, 1_536), tolerance: 1e-6f);
        var lead = await SeedLeadAsync(server, workspace);

        var scored = await ScoreAsync(client, lead.Id);

        var asked = servers.Provider.EmbeddingRequests[^1];
        (asked.Model, asked.Dimensions).ShouldBe((Model, 1_536));
        var leadDocument = asked.Inputs.ShouldHaveSingleItem();
        leadDocument.ShouldContain("title: Chief Technology Officer");
        var expected = Math.Round(Vector(leadDocument, 1_536).Zip(Vector(exampleDocument, 1_536), (a, b) => (double)a * b).Sum(), 4);
        scored.SimilarClients.ShouldHaveSingleItem().Similarity.ShouldBe(expected, 1e-4);
        scored.SimilarityUnavailable.ShouldBe(false);
        scored.UsedFallback.ShouldBe(true, "no language model: the deterministic scorer answers, with similarity");
        scored.FallbackReason.ShouldBeNull();
        var status = (await client.GetFromJsonAsync<AiStatus>("/api/ai/status", Json))!;
        (status.EmbeddingModel, status.EmbeddingDimensions).ShouldBe((Model, 1_536));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task EmbeddingFailsOnceThenAnswers_RetriedAndTheLeadHasItsSimilarity(int status)
    {
        var (client, lead) = await LeadAsync();
        servers.Provider.EnqueueEmbeddings(Reply.Error(status));

        var scored = await ScoreAsync(client, lead.Id);

        servers.Provider.EmbeddingRequests.Count.ShouldBe(2, "the failed request and its retry");
        scored.SimilarityUnavailable.ShouldBe(false);
        scored.SimilarClients.ShouldHaveSingleItem().Similarity.ShouldBeGreaterThan(0);
        scored.FallbackReason.ShouldBeNull();
    }

    [Fact]
    public async Task EmbeddingFailsTwice_ScoredOnTheCriteriaAloneMarkedAndScoredAgainOnceTheModelAnswers()
    {
        var (client, lead) = await LeadAsync();
        servers.Provider.EnqueueEmbeddings(Reply.Error(500), Reply.Error(503));

        var scored = await ScoreAsync(client, lead.Id);

        servers.Provider.EmbeddingRequests.Count.ShouldBe(2, "two attempts, then no more");
        scored.Status.ShouldBe("scored");
        scored.SimilarityUnavailable.ShouldBe(true);
        scored.SimilarClients.ShouldBeEmpty();
        scored.Criteria.ShouldNotContain(c => c.Criterion == "similarity to ideal clients");
        scored.UsedFallback.ShouldBe(true);
        scored.FallbackReason.ShouldBe($"similarity to ideal clients unavailable: {Model} embeddings failed: server error (503) after 2 attempt(s)");
        scored.Reasoning!.ShouldContain("Similarity to ideal clients was not available");
        scored.Score!.Value.ShouldBeInRange(0, 100);
        scored.Fit.ShouldBe(scored.Score >= 80 ? "High" : scored.Score >= 50 ? "Medium" : "Low");

        // The model answers again: the next automatic round scores the lead again, now with its similarity, and then leaves it.
        var first = await ScoreDueAsync(lead.WorkspaceId);
        var again = await ScoreDueAsync(lead.WorkspaceId);

        first.Scored.ShouldBe(1);
        again.Scored.ShouldBe(0);
        var rescored = (await client.GetFromJsonAsync<LeadDetail>($"/api/leads/{lead.Id}", Json))!;
        rescored.SimilarityUnavailable.ShouldBe(false);
        rescored.SimilarClients.ShouldHaveSingleItem();
        rescored.FallbackReason.ShouldBeNull();
    }

    [Fact]
    public async Task ProfileSavedWhileEmbeddingsFail_SavedWithoutVectorsAndLeadsScoredWithoutSimilarityUntilTheModelAnswers()
    {
        servers.Provider.Reset();
        var server = servers.Server;
        var (client, workspace) = await server.MarketerInNewWorkspaceAsync();
        // Two failed requests while saving the profile, two more when scoring re-embeds the example.
        servers.Provider.EnqueueEmbeddings(Reply.Error(500), Reply.Error(500), Reply.Error(429), Reply.Error(429));
        await PutProfileAsync(client);
        (await ExamplesAsync(server, workspace)).ShouldHaveSingleItem().Embedding.ShouldBeNull("the model failed: no vector yet");
        var lead = await SeedLeadAsync(server, workspace);

        var scored = await ScoreAsync(client, lead.Id);

        servers.Provider.EmbeddingRequests.Count.ShouldBe(4, "the lead's own document is not sent while the examples have no vector");
        scored.SimilarityUnavailable.ShouldBe(true);
        scored.FallbackReason.ShouldBe($"similarity to ideal clients unavailable: {Model} embeddings failed: rate limited (429) after 2 attempt(s)");

        (await ScoreDueAsync(workspace)).Scored.ShouldBe(1);
        (await ExamplesAsync(server, workspace)).ShouldHaveSingleItem().EmbeddingModel.ShouldBe(Model);
        (await client.GetFromJsonAsync<LeadDetail>($"/api/leads/{lead.Id}", Json))!.SimilarClients.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ChangeOfModel_MiniLmToOpenAIAndBack_ExamplesReembeddedInTheBackground()
    {
        servers.Provider.Reset();
        await using var minilm = await AbmServerFactory.StartAsync(new() { ["Leads:EmbeddingModel"] = "minilm" });
        var (client, workspace) = await ProfiledWorkspaceAsync(minilm);
        (await ExamplesAsync(minilm, workspace)).ShouldAllBe(e => e.EmbeddingModel == MiniLmEmbeddingGenerator.ModelName && e.EmbeddingDimensions == 384);

        // The same database served with an OpenAI key: the worker re-embeds at start, without a scoring.
        await using (var openai = AbmServerFactory.StartBeside(minilm, OpenAISettings(servers.Provider)))
        {
            var examples = await WaitForModelAsync(openai, workspace, Model);
            examples.ShouldAllBe(e => e.EmbeddingDimensions == 1_536 && e.Embedding!.Length == 1_536 * sizeof(float));
            servers.Provider.EmbeddingRequests.ShouldNotBeEmpty();
        }

        // And back to the local model.
        await using var back = AbmServerFactory.StartBeside(minilm, new() { ["Leads:EmbeddingModel"] = "minilm", ["OPENAI_API_KEY"] = "sk-ignored" });
        var local = await WaitForModelAsync(back, workspace, MiniLmEmbeddingGenerator.ModelName);
        local.ShouldAllBe(e => e.EmbeddingDimensions == 384 && e.Embedding!.Length == 384 * sizeof(float));
        var lead = await SeedLeadAsync(back, workspace);
        var scored = await ScoreAsync(back.ClientWithKey(client.DefaultRequestHeaders.Authorization!.Parameter!), lead.Id);
        scored.SimilarClients.ShouldHaveSingleItem();
    }

    private async Task<(HttpClient Client, Contact Lead)> LeadAsync()
    {
        var server = servers.Server;
        var (client, workspace) = await ProfiledWorkspaceAsync(server);
        var lead = await SeedLeadAsync(server, workspace);
        servers.Provider.Reset();
        return (client, lead);
    }

    private static async Task<(HttpClient Client, Guid Workspace)> ProfiledWorkspaceAsync(AbmServerFactory server)
    {
        var (client, workspace) = await server.MarketerInNewWorkspaceAsync();
        await PutProfileAsync(client);
        return (client, workspace);
    }

    /// <summary>The test profile with a tool of its own, so its document is new to the embedder.</summary>
    private static async Task PutProfileAsync(HttpClient client)
    {
        var profile = LeadTestData.Profile.Replace("\"slack\"]", $"\"slack\",\"tool-{Guid.NewGuid():N}\"]", StringComparison.Ordinal);
        var put = await client.PutAsync("/api/icp", new StringContent(profile, System.Text.Encoding.UTF8, "application/json"));
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
    }

    /// <summary>A fitting lead with a title of its own, so its document is new to the embedder.</summary>
    private static Task<Contact> SeedLeadAsync(AbmServerFactory server, Guid workspace) => LeadTestData.SeedLeadAsync(
        server, workspace, $"Chief Technology Officer {Guid.NewGuid():N}", "technology", 900, 150_000_000m, "United States", "HubSpot;AWS");

    private Task<LeadScoringSummary> ScoreDueAsync(Guid workspace) => LeadTestData.InWorkspaceAsync(servers.Server, workspace,
        services => services.GetRequiredService<LeadScoring>().ScoreDueAsync(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddMinutes(5), TimeSpan.FromSeconds(60), 1_000, CancellationToken.None));

    private static async Task<LeadDetail> ScoreAsync(HttpClient client, Guid contactId)
    {
        var response = await client.PostAsync($"/api/leads/{contactId}/score", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LeadDetail>(Json))!;
    }

    private static async Task<List<IcpProfile>> WaitForModelAsync(AbmServerFactory server, Guid workspace, string model)
    {
        var examples = await ExamplesAsync(server, workspace);
        for (var wait = 0; wait < 600 && !examples.TrueForAll(e => e.EmbeddingModel == model); wait++)
        {
            await Task.Delay(100);
            examples = await ExamplesAsync(server, workspace);
        }

        examples.ShouldNotBeEmpty();
        examples.ShouldAllBe(e => e.EmbeddingModel == model);
        return examples;
    }

    private static async Task<List<IcpProfile>> ExamplesAsync(AbmServerFactory server, Guid workspace)
    {
        await using var database = server.OpenDatabase();
        return await database.IcpProfiles.IgnoreQueryFilters().AsNoTracking().Where(p => p.WorkspaceId == workspace).ToListAsync();
    }
}
