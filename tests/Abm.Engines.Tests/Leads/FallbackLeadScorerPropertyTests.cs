using Abm.Engines.Leads;

namespace Abm.Engines.Tests.Leads;

public class FallbackLeadScorerPropertyTests
{
    private static readonly string[] Industries = ["technology", "financial_services", "healthcare", "manufacturing", "retail"];
    private static readonly string[] Countries = ["united states", "united kingdom", "germany", "france"];
    private static readonly string[] Tools = ["hubspot", "salesforce", "snowflake", "aws", "slack", "jira", "oracle"];
    private static readonly string?[] Titles = [null, "CEO", "IT Manager", "Analyst", "Director of Finance"];

    internal static LeadFacts RandomLead(Random random) => new(
        Pick(random, Titles), null, Maybe(random, Pick(random, Industries)), random.Next(3) == 0 ? null : random.Next(1, 20_000),
        random.Next(3) == 0 ? null : random.Next(1, 5_000) * 1_000_000m, Maybe(random, Pick(random, Countries)),
        Tools.Where(_ => random.Next(3) == 0).ToList(), random.Next(2) == 0 ? null : random.Next(1, 500) * 1_000m,
        random.NextDouble() * 100, random.Next(3), random.Next(2));

    internal static IdealClientCriteria RandomCriteria(Random random) => new(
        Industries.Where(_ => random.Next(2) == 0).ToList(), RandomRange(random, 10_000), RandomRange(random, 2_000_000_000),
        Countries.Where(_ => random.Next(3) == 0).ToList(), Tools.Where(_ => random.Next(2) == 0).ToList(), RandomRange(random, 300_000));

    [Fact]
    public void Score_RandomLeads_ScoreInRangeLevelFollowsBandsActionFollowsLevel()
    {
        var random = new Random(1401);
        for (var run = 0; run < 3000; run++)
        {
            var profile = Enumerable.Range(0, random.Next(0, 3)).Select(_ => RandomCriteria(random)).ToList();
            var similarities = Enumerable.Range(0, random.Next(0, 6)).Select(_ => (random.NextDouble() * 2) - 1).ToList();

            var result = FallbackLeadScorer.Score(RandomLead(random), profile, similarities);

            result.Score.ShouldBeInRange(0, 100);
            result.Fit.ShouldBe(FitBands.LevelOf(result.Score));
            switch (result.Fit)
            {
                case FitLevel.High:
                    result.Action.ShouldBe(NextAction.Call);
                    break;
                case FitLevel.Low:
                    result.Action.ShouldBe(NextAction.Nurture);
                    break;
                default:
                    result.Action.ShouldNotBe(NextAction.Nurture);
                    break;
            }

            result.Criteria.Sum(c => c.Weight).ShouldBe(1, 1e-9);
            foreach (var criterion in result.Criteria)
            {
                result.Reasoning.ShouldContain(criterion.Criterion);
            }
        }
    }

    [Fact]
    public void Score_RandomLeads_MatchesIndependentWeightedSum()
    {
        var random = new Random(1402);
        for (var run = 0; run < 3000; run++)
        {
            var criteria = RandomCriteria(random);
            var lead = RandomLead(random);
            var similarities = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.NextDouble()).ToList();

            var result = FallbackLeadScorer.Score(lead, [criteria], similarities);

            var (expected, knownShare) = ReferenceScore(lead, criteria, similarities);
            var capped = knownShare <= FallbackLeadScorer.MaximumUnjudgeableShare ? Math.Min(expected, 49) : expected;
            result.Score.ShouldBe(capped, $"run {run}");
        }
    }

    [Fact]
    public void Score_LeadGainsAnIdealIndustry_NeverScoresLower()
    {
        var random = new Random(1403);
        for (var run = 0; run < 3000; run++)
        {
            var criteria = RandomCriteria(random);
            if (criteria.Industries.Count == 0)
            {
                continue;
            }

            var lead = RandomLead(random);
            var before = FallbackLeadScorer.Score(lead, [criteria], []).Score;

            var after = FallbackLeadScorer.Score(lead with { Industry = criteria.Industries[0] }, [criteria], []).Score;

            after.ShouldBeGreaterThanOrEqualTo(before);
        }
    }

    [Fact]
    public void Score_LeadsKnownOnlyByOneCriterion_AreAlwaysLow()
    {
        var random = new Random(1404);
        for (var run = 0; run < 2000; run++)
        {
            var criteria = RandomCriteria(random) with { Industries = ["technology"], Employees = new ValueRange(100, 1000) };
            var lead = LeadFacts.Empty with { Industry = "technology" };

            var result = FallbackLeadScorer.Score(lead, [criteria], [random.NextDouble()]);

            result.Fit.ShouldBe(FitLevel.Low);
        }
    }

    // An independent statement of the weighted match: explicit per-criterion arithmetic, no shared helpers.
    private static (int Score, double KnownShare) ReferenceScore(LeadFacts lead, IdealClientCriteria c, List<double> similarities)
    {
        var parts = new List<(double Weight, double Match, bool Known)>();
        if (c.Industries.Count > 0)
        {
            parts.Add((0.25, lead.Industry is null ? 0 : c.Industries.Contains(lead.Industry) ? 1 : 0, lead.Industry is not null));
        }

        if (c.Employees.IsSet)
        {
            parts.Add((0.20, RangeMatch(lead.Employees, c.Employees), lead.Employees is not null));
        }

        if (c.Technologies.Count > 0)
        {
            var shared = c.Technologies.Count(lead.Technologies.Contains);
            parts.Add((0.15, lead.Technologies.Count == 0 ? 0 : Math.Min(1.0, shared / (double)Math.Min(3, c.Technologies.Count)), lead.Technologies.Count > 0));
        }

        if (c.Revenue.IsSet)
        {
            parts.Add((0.10, RangeMatch(lead.AnnualRevenue, c.Revenue), lead.AnnualRevenue is not null));
        }

        if (c.Countries.Count > 0)
        {
            parts.Add((0.10, lead.Country is not null && c.Countries.Contains(lead.Country) ? 1 : 0, lead.Country is not null));
        }

        if (c.Budget.IsSet)
        {
            parts.Add((0.05, RangeMatch(lead.LargestDealAmount, c.Budget), lead.LargestDealAmount is not null));
        }

        var seniority = lead.JobTitle switch { null => 0, "CEO" or "Director of Finance" => 1, "IT Manager" => 0.5, _ => 0 };
        parts.Add((0.05, seniority, lead.JobTitle is not null));
        var judgedWeight = parts.Sum(p => p.Weight);
        var knownShare = parts.Where(p => p.Known).Sum(p => p.Weight) / judgedWeight;
        parts.Add((0.10, similarities.OrderDescending().Take(5).Average(), true));
        var total = parts.Sum(p => p.Weight);
        var score = parts.Sum(p => p.Weight / total * p.Match * 100);
        return ((int)Math.Round(score, MidpointRounding.AwayFromZero), knownShare);
    }

    private static double RangeMatch(decimal? value, ValueRange range) =>
        value is not { } v ? 0
        : (range.Min is null || v >= range.Min) && (range.Max is null || v <= range.Max) ? 1
        : (range.Min is null || v >= range.Min / 2) && (range.Max is null || v <= range.Max * 2) ? 0.5
        : 0;

    private static ValueRange RandomRange(Random random, int scale) => random.Next(3) switch
    {
        0 => ValueRange.Any,
        1 => new ValueRange(random.Next(1, scale), null),
        _ => new ValueRange(random.Next(1, scale / 2), random.Next(scale / 2, scale)),
    };

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static string? Maybe(Random random, string value) => random.Next(4) == 0 ? null : value;
}
