using Abm.Engines.Leads;

namespace Abm.Engines.Tests.Leads;

public class FallbackLeadScorerTests
{
    internal static readonly IdealClientCriteria Ideal = new(
        ["technology", "financial_services"], new ValueRange(200, 5000), new ValueRange(10_000_000, 1_000_000_000),
        ["united states", "united kingdom"], ["hubspot", "salesforce", "snowflake", "aws", "slack"], new ValueRange(20_000, 200_000));

    private static LeadFacts Lead(string? industry = "technology", int? employees = 800, decimal? revenue = 150_000_000m, string? country = "united states",
        string[]? tech = null, decimal? deal = 50_000m, string? title = "VP Engineering", double engagement = 20, int openDeals = 0) =>
        new(title, "technical_director", industry, employees, revenue, country, tech ?? ["hubspot", "aws", "slack"], deal, engagement, openDeals, 0);

    [Fact]
    public void Score_LeadMeetingEveryCriterion_ScoresHundredHighCall()
    {
        var result = FallbackLeadScorer.Score(Lead(), [Ideal], [1.0, 1.0]);

        result.Score.ShouldBe(100);
        result.Fit.ShouldBe(FitLevel.High);
        result.Action.ShouldBe(NextAction.Call);
        result.Criteria.ShouldAllBe(c => c.Status == CriterionStatus.Met);
    }

    [Fact]
    public void Score_HandComputedMix_MatchesWeightedSum()
    {
        // industry met 25, size near (150 of 200-5000) 0.5*20 = 10, tech 1 of 3 = 15/3 = 5, revenue met 10,
        // location missed 0, budget unknown 0, seniority manager 0.5*5 = 2.5, similarity 0.6 * 10 = 6: 58.5 -> 59.
        var lead = Lead(employees: 150, country: "germany", tech: ["hubspot", "jira"], deal: null, title: "Marketing Manager");

        var result = FallbackLeadScorer.Score(lead, [Ideal], [0.6, 0.6, 0.6]);

        result.Score.ShouldBe(59);
        result.Fit.ShouldBe(FitLevel.Medium);
        result.Action.ShouldBe(NextAction.Email);
        result.Reasoning.ShouldContain("Meets: industry (industry technology is one of technology, financial_services)");
        result.Reasoning.ShouldContain("Partly meets: company size (employees 150 close to 200-5,000)");
        result.Reasoning.ShouldContain("Misses: geographic location (country germany is not one of united states, united kingdom)");
        result.Reasoning.ShouldContain("Missing: budget range.");
    }

    [Fact]
    public void Score_ProfileLeavesCriteriaOpen_RescalesTheRest()
    {
        // Only industry (0.25) is set, plus seniority (0.05) and similarity (0.10): 0.25 + 0.05 = 0.30 of 0.40 -> 75.
        var industryOnly = new IdealClientCriteria(["technology"], ValueRange.Any, ValueRange.Any, [], [], ValueRange.Any);

        var result = FallbackLeadScorer.Score(Lead(), [industryOnly], [0.0]);

        result.Score.ShouldBe(75);
        result.Criteria.Select(c => c.Criterion).ShouldBe([FallbackLeadScorer.Industry, FallbackLeadScorer.Seniority, FallbackLeadScorer.Similarity]);
        result.Criteria.Sum(c => c.Weight).ShouldBe(1, 1e-9);
    }

    [Fact]
    public void Score_SeveralCriteriaSets_JudgedByTheBestFitting()
    {
        var retail = Ideal with { Industries = ["retail"] };

        var against = FallbackLeadScorer.Score(Lead(), [retail], []);
        var both = FallbackLeadScorer.Score(Lead(), [retail, Ideal], []);

        against.Score.ShouldBeLessThan(100);
        both.Score.ShouldBe(100);
    }

    [Fact]
    public void Score_LeadWithAlmostNoData_IsLowAndSaysWhatIsMissing()
    {
        var lead = LeadFacts.Empty with { Industry = "technology", Technologies = ["hubspot", "salesforce", "aws"] };

        var result = FallbackLeadScorer.Score(lead, [Ideal], [0.9]);

        result.Fit.ShouldBe(FitLevel.Low);
        result.Score.ShouldBeLessThan(FitBands.Medium);
        result.Action.ShouldBe(NextAction.Nurture);
        result.Reasoning.ShouldContain("Too little is known");
        result.Reasoning.ShouldContain("Missing: company size, revenue range, geographic location, budget range, seniority.");
    }

    [Fact]
    public void Score_EmptyLeadAndEmptyProfile_IsZeroLow()
    {
        var result = FallbackLeadScorer.Score(LeadFacts.Empty, [], []);

        result.Score.ShouldBe(0);
        result.Fit.ShouldBe(FitLevel.Low);
        result.Reasoning.ShouldContain("Missing: seniority.");
    }

    [Theory]
    [InlineData(0, 0, NextAction.Email)]
    [InlineData(75, 0, NextAction.Call)]
    [InlineData(10, 1, NextAction.Call)]
    public void ActionFor_MediumLead_CallsWhenEngagedOrDealOpen(double engagement, int openDeals, NextAction expected) =>
        FallbackLeadScorer.ActionFor(FitLevel.Medium, Lead(engagement: engagement, openDeals: openDeals)).ShouldBe(expected);

    [Theory]
    [InlineData("Chief Financial Officer", LeadSeniority.Executive)]
    [InlineData("VP, Sales", LeadSeniority.Executive)]
    [InlineData("Head of IT", LeadSeniority.Executive)]
    [InlineData("IT Manager", LeadSeniority.Manager)]
    [InlineData("Accountant", LeadSeniority.Staff)]
    [InlineData(null, LeadSeniority.Unknown)]
    public void SeniorityOf_Titles_ReadsTheLevel(string? title, LeadSeniority expected) =>
        FallbackLeadScorer.SeniorityOf(title).ShouldBe(expected);

    [Theory]
    [InlineData(0, FitLevel.Low)]
    [InlineData(49, FitLevel.Low)]
    [InlineData(50, FitLevel.Medium)]
    [InlineData(79, FitLevel.Medium)]
    [InlineData(80, FitLevel.High)]
    [InlineData(100, FitLevel.High)]
    public void LevelOf_BandEdges_FollowTheBands(int score, FitLevel expected) => FitBands.LevelOf(score).ShouldBe(expected);
}
