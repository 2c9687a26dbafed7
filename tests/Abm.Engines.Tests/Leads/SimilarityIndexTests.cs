using Abm.Engines.Leads;

namespace Abm.Engines.Tests.Leads;

public class SimilarityIndexTests
{
    [Fact]
    public void TopK_HandComputedVectors_OrdersByCosineAndFiltersMetadata()
    {
        var index = new SimilarityIndex(
        [
            new ExampleVector("same", [2, 0], SimilarityIndex.IdealClientType, true),
            new ExampleVector("diagonal", [1, 1], SimilarityIndex.IdealClientType, true),
            new ExampleVector("opposite", [-1, 0], SimilarityIndex.IdealClientType, true),
            new ExampleVector("inactive", [1, 0], SimilarityIndex.IdealClientType, false),
            new ExampleVector("other-type", [1, 0], "competitor", true),
            new ExampleVector("other-model", [1, 0, 0], SimilarityIndex.IdealClientType, true),
        ], dimensions: 2);

        var top = index.TopK([1, 0], 5);

        index.Count.ShouldBe(3);
        top.Select(t => t.Id).ShouldBe(["same", "diagonal", "opposite"]);
        top[0].Similarity.ShouldBe(1, 1e-6);
        top[1].Similarity.ShouldBe(Math.Sqrt(0.5), 1e-6);
        top[2].Similarity.ShouldBe(-1, 1e-6);
    }

    [Fact]
    public void TopK_RandomVectors_MatchesBruteForceSort()
    {
        var random = new Random(1410);
        for (var run = 0; run < 200; run++)
        {
            var examples = Enumerable.Range(0, random.Next(1, 60))
                .Select(i => new ExampleVector($"e{i}", RandomVector(random, 8), SimilarityIndex.IdealClientType, random.Next(5) > 0)).ToList();
            var query = RandomVector(random, 8);
            var k = random.Next(1, 8);

            var top = new SimilarityIndex(examples, 8).TopK(query, k);

            var expected = examples.Where(e => e.Active).Select(e => Cosine(e.Vector, query)).OrderDescending().Take(k).ToList();
            top.Select(t => t.Similarity).ShouldBe(expected, tolerance: 1e-5);
        }
    }

    [Fact]
    public void Embed_SharedFeatureWords_AreMoreSimilarThanDisjointOnes()
    {
        var ideal = HashedFeatureEmbedding.Embed(LeadDocument.Of(FallbackLeadScorerTests.Ideal));
        var fitting = HashedFeatureEmbedding.Embed(LeadDocument.Of(new LeadFacts("CTO", null, "technology", 900, 200_000_000m, "united states", ["hubspot", "aws"], null, 0, 0, 0)));
        var distant = HashedFeatureEmbedding.Embed(LeadDocument.Of(new LeadFacts("Clerk", null, "retail", 12, 1_000_000m, "france", ["oracle"], null, 0, 0, 0)));

        var index = new SimilarityIndex([new ExampleVector("ideal", ideal, SimilarityIndex.IdealClientType, true)], HashedFeatureEmbedding.Dimensions);

        index.TopK(fitting, 1)[0].Similarity.ShouldBeGreaterThan(index.TopK(distant, 1)[0].Similarity + 0.3);
        ideal.Length.ShouldBe(HashedFeatureEmbedding.Dimensions);
    }

    private static float[] RandomVector(Random random, int dimensions) => Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
