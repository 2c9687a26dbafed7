using System.Runtime.Intrinsics.X86;
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
    public void TopK_RandomVectors_EqualsTheExactScanAndReranksFew()
    {
        // MiniLM-sized vectors: the 8-bit scan must rule out almost every example and still give the exact answer.
        var random = new Random(384);
        var examples = Enumerable.Range(0, 5_000)
            .Select(i => new ExampleVector($"e{i}", RandomVector(random, 384), SimilarityIndex.IdealClientType, true)).ToList();
        var index = new SimilarityIndex(examples, 384);
        for (var run = 0; run < 50; run++)
        {
            var query = RandomVector(random, 384);

            var (hits, reranked) = index.Search(query, 5);

            hits.ShouldBe(index.ExactTopK(query, 5));
            reranked.ShouldBeLessThan(100);
        }
    }

    [Fact]
    public void TopK_ClusteredAndDuplicateVectors_EqualsTheExactScan()
    {
        // Near-ties are where a quantised score would swap neighbours; the exact re-rank must not.
        var random = new Random(77);
        for (var run = 0; run < 100; run++)
        {
            var dimensions = random.Next(1, 70);
            var centre = RandomVector(random, dimensions);
            var spread = (float)Math.Pow(10, -random.Next(1, 6));
            var examples = Enumerable.Range(0, random.Next(1, 400)).Select(i => new ExampleVector(
                $"e{i}",
                random.Next(10) == 0 ? centre.ToArray() : centre.Select(v => v + (spread * (float)((random.NextDouble() * 2) - 1))).ToArray(),
                random.Next(8) == 0 ? "competitor" : SimilarityIndex.IdealClientType,
                random.Next(6) > 0)).ToList();
            var query = random.Next(2) == 0 ? centre : RandomVector(random, dimensions);
            var k = random.Next(1, 12);
            var index = new SimilarityIndex(examples, dimensions);

            index.TopK(query, k).ShouldBe(index.ExactTopK(query, k));
        }
    }

    [Fact]
    public void TopK_QuantisationHidesTheBestExample_TheErrorBoundStillKeepsIt()
    {
        // Hand-built worst case over 64 dimensions, query (0, 1, ..., 1).
        // "spike" is (1, c, ..., c) with c = 0.49/127: every c rounds to code 0, so its 8-bit estimate is 0, yet its
        // cosine is √63 · c / ‖spike‖ ≈ 0.0306. "flat" is (1, ±1, ...) with one more +1 than -1: all codes exact, cosine
        // 1/(√63 · 8) ≈ 0.0157, estimate exact. Only the full rounding bound (half a step on each of 63 values,
        // ≈ 0.031 for the spike) keeps the spike from being ruled out by the flat one's lower bound (≈ 0.008).
        var c = 0.49f / 127;
        var spike = Enumerable.Range(0, 64).Select(i => i == 0 ? 1f : c).ToArray();
        var flat = Enumerable.Range(0, 64).Select(i => i <= 32 ? 1f : -1f).ToArray();
        var query = Enumerable.Range(0, 64).Select(i => i == 0 ? 0f : 1f).ToArray();
        var index = new SimilarityIndex(
        [
            new ExampleVector("flat", flat, SimilarityIndex.IdealClientType, true),
            new ExampleVector("spike", spike, SimilarityIndex.IdealClientType, true),
        ], dimensions: 64);

        var (hits, reranked) = index.Search(query, 1);

        hits.Single().Id.ShouldBe("spike");
        hits.Single().Similarity.ShouldBe(Math.Sqrt(63) * c / Math.Sqrt(1 + (63 * c * c)), 1e-6);
        reranked.ShouldBe(2);
        hits.ShouldBe(index.ExactTopK(query, 1));
    }

    [Fact]
    public void TopK_ZeroQueryAndZeroRows_EqualsTheExactScan()
    {
        var index = new SimilarityIndex(
        [
            new ExampleVector("zero", [0, 0, 0], SimilarityIndex.IdealClientType, true),
            new ExampleVector("x", [1, 0, 0], SimilarityIndex.IdealClientType, true),
            new ExampleVector("y", [0, 1, 0], SimilarityIndex.IdealClientType, true),
        ], dimensions: 3);

        index.TopK([0, 0, 0], 2).ShouldBe(index.ExactTopK([0, 0, 0], 2));
        index.TopK([0, 0, 1], 5).Select(h => h.Id).ShouldBe(index.ExactTopK([0, 0, 1], 5).Select(h => h.Id));
        new SimilarityIndex([], 3).TopK([1, 0, 0], 5).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(47)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(384)]
    public void Int8Dot_EverySimdPathEqualsThePlainLoop(int length)
    {
        var random = new Random(length);
        for (var run = 0; run < 100; run++)
        {
            var row = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            var query = new Int8Query(Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray());
            var expected = Int8Dot.DotScalar(row, query.Widened, 0);

            Int8Dot.Dot(row, query).ShouldBe(expected);
            if (Avx2.IsSupported)
            {
                Int8Dot.DotAvx2(row, query.Widened).ShouldBe(expected);
            }

            if (AvxVnni.IsSupported)
            {
                Int8Dot.DotVnni(row, query).ShouldBe(expected);
            }
        }

        var extreme = new Int8Query(Enumerable.Repeat((sbyte)127, length).ToArray());
        Int8Dot.Dot(Enumerable.Repeat((sbyte)-127, length).ToArray(), extreme).ShouldBe(-127 * 127 * length);
    }

    [Fact]
    public void Quantize_EachCodeIsWithinHalfAScaleStep()
    {
        var random = new Random(8);
        for (var run = 0; run < 200; run++)
        {
            var vector = RandomVector(random, random.Next(1, 50));
            var codes = new sbyte[vector.Length];

            var (scale, codeSum) = Int8Quantization.Quantize(vector, codes);

            codes.Max(c => Math.Abs((int)c)).ShouldBe(127);
            codeSum.ShouldBe(codes.Sum(c => Math.Abs((int)c)));
            for (var i = 0; i < vector.Length; i++)
            {
                Math.Abs(vector[i] - (scale * codes[i])).ShouldBeLessThanOrEqualTo((scale / 2) * 1.0001f);
            }
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
