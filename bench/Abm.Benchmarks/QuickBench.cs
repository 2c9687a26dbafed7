using System.Diagnostics;
using System.Globalization;

namespace Abm.Benchmarks;

/// <summary>
/// A one-shot timing run with Stopwatch: both scoring implementations on the same generated data in the same
/// process (so the ratio is meaningful on a noisy machine), then per-contact recommender latencies.
/// </summary>
internal static class QuickBench
{
    private const int TimedRuns = 3;

    public static void Run(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"Generating 1,000,000 events for 100,000 contacts (seed 42) on {Environment.ProcessorCount} cores..."));
        var data = new ScoringData(contactCount: 100_000, eventCount: 1_000_000, seed: 42);

        var fast = data.ScoreFast();   // warm-up (JIT) and the figures to compare
        var linq = data.ScoreLinq();
        var maxDifference = fast.Select((score, c) => Math.Abs(score.Total - linq[c])).Max();
        output.WriteLine(string.Create(culture, $"Max |fast - linq| over all contacts: {maxDifference:E2}"));

        var fastMs = MedianMilliseconds(() => data.ScoreFast());
        var linqMs = MedianMilliseconds(() => data.ScoreLinq());
        var groupMs = MedianMilliseconds(() => data.Group());
        var batch = data.Group();
        var scoreMs = MedianMilliseconds(() => ScoringData.Score(batch));
        output.WriteLine(string.Create(culture, $"Scoring pass, fast path (group + score): {fastMs,9:F1} ms (median of {TimedRuns})"));
        output.WriteLine(string.Create(culture, $"  of which grouping by contact:        {groupMs,9:F1} ms"));
        output.WriteLine(string.Create(culture, $"  of which scoring the grouped batch:   {scoreMs,9:F1} ms"));
        output.WriteLine(string.Create(culture, $"Scoring pass, LINQ baseline:            {linqMs,9:F1} ms (median of {TimedRuns})"));
        output.WriteLine(string.Create(culture, $"Speed-up (baseline / fast):             {linqMs / fastMs,9:F1} x"));

        var recommenderData = new RecommenderData(itemCount: 500, contactCount: 1_000, seed: 7);
        var prepare = Stopwatch.StartNew();
        var recommender = recommenderData.BuildRecommender();
        var prepareMs = prepare.Elapsed.TotalMilliseconds;
        foreach (var contact in recommenderData.Contacts.Take(50))
        {
            recommender.Recommend(contact, 5); // warm-up
        }

        var perContact = recommenderData.Contacts.Select(contact =>
        {
            var watch = Stopwatch.StartNew();
            recommender.Recommend(contact, 5);
            return watch.Elapsed.TotalMilliseconds;
        }).Order().ToArray();
        output.WriteLine(string.Create(culture, $"Recommender: library of 500 prepared in {prepareMs:F2} ms (includes first-call JIT)"));
        output.WriteLine(string.Create(
            culture,
            $"Top-5 per contact over 1,000 contacts: p50 {Percentile(perContact, 0.50) * 1000:F1} us, p99 {Percentile(perContact, 0.99) * 1000:F1} us, max {perContact[^1] * 1000:F1} us"));
    }

    private static double MedianMilliseconds(Action action)
    {
        var runs = new double[TimedRuns];
        for (var i = 0; i < TimedRuns; i++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            action();
            runs[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(runs);
        return runs[TimedRuns / 2];
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
