using Abm.Server.Features.Observability;

namespace Abm.Server.Tests.Observability;

/// <summary>The alert rules on hand-computed windows: each fires past its threshold and not at it.</summary>
public sealed class AlertRuleTests
{
    private static readonly AlertOptions Defaults = new();

    private static readonly AlertTotals Quiet = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static readonly BacklogSample NoBacklog = BacklogSample.None;

    private static List<string> Fired(AlertTotals window, BacklogSample? backlog = null) =>
        [.. AlertRules.Evaluate(window, backlog ?? NoBacklog, Defaults).Select(f => f.Id)];

    [Fact]
    public void Evaluate_QuietWindow_FiresNothing() => Fired(Quiet).ShouldBeEmpty();

    [Theory]
    [InlineData(100, 6, true)] // 6 % > 5 %
    [InlineData(100, 5, false)] // exactly the threshold
    [InlineData(19, 19, false)] // too few calls to speak of a rate
    [InlineData(20, 2, true)] // 10 % of the minimum number of calls
    public void Evaluate_HubSpotFailures_FireAboveFivePercentOfEnoughCalls(double calls, double failures, bool fires) =>
        Fired(Quiet with { HubSpotCalls = calls, HubSpotFailures = failures }).Contains("hubspot_failure_rate").ShouldBe(fires);

    [Theory]
    [InlineData(100, 51, true)]
    [InlineData(100, 50, false)]
    public void Evaluate_RecommendationCacheMisses_FireAboveHalf(double lookups, double misses, bool fires) =>
        Fired(Quiet with { CacheLookups = lookups, CacheMisses = misses }).Contains("recommendation_cache_misses").ShouldBe(fires);

    [Theory]
    [InlineData(200, 11, true)]
    [InlineData(200, 10, false)]
    public void Evaluate_SlowResponses_FireAboveFivePercent(double requests, double slow, bool fires) =>
        Fired(Quiet with { Requests = requests, SlowRequests = slow }).Contains("slow_responses").ShouldBe(fires);

    [Fact]
    public void Evaluate_AnyDatabaseScoringOrNurtureFailure_FiresEachOnce() =>
        Fired(Quiet with { DatabaseFailures = 1, ScoringFailures = 2, NurtureFailures = 3 })
            .ShouldBe(["database_connection_failures", "scoring_failures", "nurture_failures"], ignoreOrder: true);

    [Theory]
    [InlineData(3, 3, false)]
    [InlineData(4, 3, true)]
    [InlineData(1, 0, true)]
    public void Evaluate_FailureCounts_FireAboveTheirConfiguredAllowance(int failures, int allowed, bool fires)
    {
        var options = new AlertOptions { DatabaseFailuresAllowed = allowed, ScoringFailuresAllowed = allowed, NurtureFailuresAllowed = allowed };

        var fired = AlertRules.Evaluate(Quiet with { DatabaseFailures = failures, ScoringFailures = failures, NurtureFailures = failures }, NoBacklog, options)
            .Select(f => f.Id).ToList();

        fired.Count.ShouldBe(fires ? 3 : 0);
    }

    [Fact]
    public void Evaluate_EveryAlert_SaysWhatToCheck()
    {
        var everything = new AlertTotals(HubSpotCalls: 100, HubSpotFailures: 50, DatabaseFailures: 1, ScoringFailures: 1, Requests: 100, SlowRequests: 50,
            CacheLookups: 100, CacheMisses: 90, NurtureFailures: 1);

        var findings = AlertRules.Evaluate(everything, BacklogSample.None with { InboxDepth = 2, InboxOldestAge = TimeSpan.FromHours(1) }, Defaults).ToList();

        findings.Select(f => f.Id).ShouldBe(
            ["hubspot_failure_rate", "database_connection_failures", "scoring_failures", "slow_responses", "recommendation_cache_misses", "nurture_failures", "webhook_inbox_backlog"],
            ignoreOrder: true);
        findings.ShouldAllBe(f => f.Summary.Length > 20 && f.WhatToCheck.Length > 20);
    }

    [Theory]
    [InlineData(301, true)]
    [InlineData(300, false)]
    public void Evaluate_InboxBacklog_FiresWhenTheOldestBatchWaitsPastTheThreshold(int oldestSeconds, bool fires) =>
        Fired(Quiet, BacklogSample.None with { InboxDepth = 4, InboxOldestAge = TimeSpan.FromSeconds(oldestSeconds) })
            .Contains("webhook_inbox_backlog").ShouldBe(fires);

    [Fact]
    public void Evaluate_HubSpotAlert_SaysTheFiguresAndWhatToCheck()
    {
        var finding = AlertRules.Evaluate(Quiet with { HubSpotCalls = 200, HubSpotFailures = 30 }, NoBacklog, Defaults).Single();

        finding.Summary.ShouldContain("30 of 200 calls (15.0 %)");
        finding.WhatToCheck.ShouldContain("GET /api/connections");
    }
}
