using System.Diagnostics;
using System.Globalization;
using Abm.Engines.Leads;

namespace Abm.Benchmarks;

/// <summary>
/// Lead scoring speed on the scorer's own path (no database): N synthetic leads each written as a document,
/// embedded with the hashed feature embedding, matched against 300 ideal-client examples (top 5) and scored by the
/// deterministic scorer; then the similarity search alone, top 5 over 100,000 examples of 384 dimensions (the
/// size of a MiniLM vector).
/// </summary>
internal static class LeadThroughputBench
{
    private static readonly string[] Industries = ["technology", "financial_services", "healthcare", "manufacturing", "retail"];
    private static readonly string[] Tools = ["hubspot", "salesforce", "snowflake", "aws", "slack", "jira", "oracle", "azure"];

    // args: optional "--leads N" (default 10,000) and "--examples N" (default 100,000).
    public static void Run(string[] args, TextWriter output)
    {
        var leads = Option(args, "--leads") ?? 10_000;
        var exampleCount = Option(args, "--examples") ?? 100_000;
        var random = new Random(42);
        var facts = Enumerable.Range(0, leads).Select(_ => RandomLead(random)).ToList();
        var examples = Enumerable.Range(0, 300)
            .Select(i => new ExampleVector($"e{i}", HashedFeatureEmbedding.Embed(LeadDocument.Of(RandomLead(random))), SimilarityIndex.IdealClientType, true)).ToList();
        var index = new SimilarityIndex(examples, HashedFeatureEmbedding.Dimensions);

        var clock = Stopwatch.StartNew();
        var high = 0;
        foreach (var lead in facts)
        {
            var similar = index.TopK(HashedFeatureEmbedding.Embed(LeadDocument.Of(lead)), 5).Select(s => s.Similarity).ToList();
            high += FallbackLeadScorer.Score(lead, [LeadFitBench.Profile], similar).Fit == FitLevel.High ? 1 : 0;
        }

        clock.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{leads:N0} leads scored (document, embedding, top-5 of 300 examples, fallback scorer) in {clock.Elapsed.TotalSeconds:0.00} s: {leads / clock.Elapsed.TotalSeconds:N0} leads/s ({high:N0} High)"));

        const int dimensions = 384;
        var big = new SimilarityIndex(Enumerable.Range(0, exampleCount).Select(i => new ExampleVector($"x{i}", RandomVector(random, dimensions), SimilarityIndex.IdealClientType, true)), dimensions);
        var queries = Enumerable.Range(0, 50).Select(_ => RandomVector(random, dimensions)).ToList();
        big.TopK(queries[0], 5); // warm-up
        var timings = new List<double>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            big.TopK(query, 5);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        timings.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"similarity top-5 over {exampleCount:N0} examples x {dimensions} dims: median {timings[timings.Count / 2]:0.00} ms, p90 {timings[(int)(timings.Count * 0.9)]:0.00} ms ({queries.Count} queries)"));
    }

    private static LeadFacts RandomLead(Random random) => new(
        random.Next(2) == 0 ? "Director of IT" : "Analyst", null, Industries[random.Next(Industries.Length)], random.Next(5, 20_000), random.Next(1, 2_000) * 1_000_000m,
        random.Next(2) == 0 ? "united states" : "germany", Tools.Where(_ => random.Next(3) == 0).ToList(), null, random.NextDouble() * 100, 0, 0);

    private static float[] RandomVector(Random random, int dimensions) => Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

    private static int? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
}
