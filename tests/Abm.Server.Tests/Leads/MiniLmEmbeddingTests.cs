using System.Net.Http.Json;
using System.Numerics.Tensors;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Engines.Leads;
using Abm.Server.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace Abm.Server.Tests.Leads;

/// <summary>The real local MiniLM model (the ONNX file inside its package), as the server embeds documents with it.</summary>
public sealed class MiniLmEmbeddingTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly LeadFacts Fitting = new("Chief Technology Officer", null, "technology", 900, 200_000_000m, "united states", ["hubspot", "aws"], null, 0, 0, 0);
    private static readonly LeadFacts Distant = new("Store clerk", null, "retail", 12, 1_000_000m, "france", ["oracle"], null, 0, 0, 0);

    [Fact]
    public async Task Embed_Documents_UnitVectorsOf384DimensionsNamedByTheModel()
    {
        using var generator = new MiniLmEmbeddingGenerator();

        var embeddings = await generator.GenerateAsync([LeadDocument.Of(Fitting), LeadDocument.Of(Distant)]);

        embeddings.Count.ShouldBe(2);
        embeddings.ShouldAllBe(e => e.Vector.Length == 384 && e.ModelId == MiniLmEmbeddingGenerator.ModelName);
        embeddings.Select(e => TensorPrimitives.Norm(e.Vector.Span)).ShouldAllBe(norm => Math.Abs(norm - 1) < 1e-4);
        TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span).ShouldBeLessThan(0.99f);
        generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions.ShouldBe(384);
    }

    [Fact]
    public async Task Embed_InABatchOrAlone_GivesTheSameVector()
    {
        // Batches pad the shorter documents; the padding must not leak into the vector.
        var embedder = new LeadEmbedder(new MiniLmEmbeddingGenerator());
        var documents = new[] { LeadDocument.Of(Fitting), "industry:retail", LeadDocument.Of(Distant) };

        var batch = await embedder.EmbedAsync(documents, CancellationToken.None);

        for (var i = 0; i < documents.Length; i++)
        {
            var alone = await embedder.EmbedAsync(documents[i], CancellationToken.None);
            TensorPrimitives.CosineSimilarity(batch[i], alone).ShouldBeGreaterThan(0.9999f, documents[i]);
        }

        (await embedder.EmbedAsync(documents[0], CancellationToken.None)).ShouldBe(batch[0], tolerance: 1e-4f);
    }

    [Fact]
    public async Task Embed_LeadLikeTheIdealClient_IsCloserThanALeadUnlikeIt()
    {
        var embedder = new LeadEmbedder(new MiniLmEmbeddingGenerator());
        var ideal = LeadDocument.Of(new IdealClientCriteria(["technology", "financial_services"], new ValueRange(200, 5_000), new ValueRange(10_000_000m, 1_000_000_000m), ["united states"], ["hubspot", "aws", "salesforce"], ValueRange.Any));

        var vectors = await embedder.EmbedAsync([ideal, LeadDocument.Of(Fitting), LeadDocument.Of(Distant)], CancellationToken.None);

        var index = new SimilarityIndex([new ExampleVector("ideal", vectors[0], SimilarityIndex.IdealClientType, true)], MiniLmEmbeddingGenerator.Dimensions);
        index.TopK(vectors[1], 1)[0].Similarity.ShouldBeGreaterThan(index.TopK(vectors[2], 1)[0].Similarity + 0.05);
    }

    [Fact]
    public async Task ChangeOfModel_ExamplesOfTheOldModel_AreReembeddedInTheBackground()
    {
        await using var hashed = await AbmServerFactory.StartAsync(new() { ["Leads:EmbeddingModel"] = "hashed" });
        var (client, workspace) = await hashed.MarketerInNewWorkspaceAsync();
        var put = await client.PutAsJsonAsync("/api/icp", new { criteria = new[] { new { name = "Core", industries = new[] { "technology" } }, new { name = "Banks", industries = new[] { "financial_services" } } } });
        put.EnsureSuccessStatusCode();
        (await ExamplesAsync(hashed, workspace)).ShouldAllBe(e => e.EmbeddingModel == HashedFeatureEmbedding.ModelName && e.EmbeddingDimensions == 256);

        // The same database, now served with the local model: the worker re-embeds at start, without a scoring.
        await using var minilm = AbmServerFactory.StartBeside(hashed, new() { ["Leads:EmbeddingModel"] = "minilm" });
        var examples = await ExamplesAsync(minilm, workspace);
        for (var wait = 0; wait < 600 && !examples.TrueForAll(e => e.EmbeddingModel == MiniLmEmbeddingGenerator.ModelName); wait++)
        {
            await Task.Delay(100);
            examples = await ExamplesAsync(minilm, workspace);
        }

        examples.Count.ShouldBe(2);
        examples.ShouldAllBe(e => e.EmbeddingModel == MiniLmEmbeddingGenerator.ModelName && e.EmbeddingDimensions == 384 && e.Embedding!.Length == 384 * sizeof(float));

        // A lead scored by this server is compared with the examples through the local model's vectors.
        var lead = await LeadTestData.SeedLeadAsync(minilm, workspace, "Chief Technology Officer", "technology", 900, 150_000_000m, "United States", "HubSpot;AWS");
        var marketer = minilm.ClientWithKey(client.DefaultRequestHeaders.Authorization!.Parameter!);
        var scored = await (await marketer.PostAsync($"/api/leads/{lead.Id}/score", null)).Content.ReadFromJsonAsync<LeadDetail>(Json);
        var status = await marketer.GetFromJsonAsync<AiStatus>("/api/ai/status", Json);
        scored!.SimilarClients.Select(c => c.Name).ShouldBe(["Core", "Banks"]);
        scored.SimilarClients[0].Similarity.ShouldBeGreaterThan(scored.SimilarClients[1].Similarity);
        (status!.EmbeddingModel, status.EmbeddingDimensions).ShouldBe((MiniLmEmbeddingGenerator.ModelName, 384));
    }

    [Fact]
    public async Task Embed_RepeatedDocuments_EachDistinctDocumentReachesTheModelOnce()
    {
        var model = new CountingGenerator();
        var embedder = new LeadEmbedder(model);
        var documents = Enumerable.Range(0, 100).Select(i => $"industry:technology size:{i % 7}").ToList();

        var first = await embedder.EmbedAsync(documents, CancellationToken.None);
        var again = await embedder.EmbedAsync(documents.Take(10).Append("industry:retail").ToList(), CancellationToken.None);

        model.Documents.ShouldBe(8);
        model.Calls.ShouldBe(2);
        first.Select((v, i) => v.SequenceEqual(HashedFeatureEmbedding.Embed(documents[i]))).ShouldAllBe(same => same);
        again[..10].ShouldBe(first[..10]);
        again[10].ShouldBe(HashedFeatureEmbedding.Embed("industry:retail"));
    }

    private sealed class CountingGenerator() : LocalEmbeddingGenerator("test", "counting", HashedFeatureEmbedding.Dimensions)
    {
        public int Calls { get; private set; }

        public int Documents { get; private set; }

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            Calls++;
            Documents += texts.Count;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(HashedFeatureEmbedding.Embed(t)))));
        }
    }

    private static async Task<List<IcpProfile>> ExamplesAsync(AbmServerFactory server, Guid workspace)
    {
        await using var database = server.OpenDatabase();
        return await database.IcpProfiles.IgnoreQueryFilters().AsNoTracking().Where(p => p.WorkspaceId == workspace).ToListAsync();
    }
}
