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
