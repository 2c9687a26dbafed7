using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Behaviour;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Hosting;

/// <summary>A sandbox started in the past: its buyers have a history when it opens, and none of it lies in the future.</summary>
public sealed class StartInThePastTests : IDisposable
{
    private readonly string _dataFile = Path.Combine(Path.GetTempPath(), $"sandbox-history-{Guid.NewGuid():N}.db");

    private static SandboxOptions Options(TimeSpan history, TimeSpan catchUp, string? dataFile = null) => new()
    {
        ClockSpeed = 0,
        History = history,
        CatchUp = catchUp,
        DataFile = dataFile,
        Portals = [new SandboxPortalOptions { Accounts = 3 }],
    };

    [Fact]
    public async Task StartAsync_ThreeDaysOfHistory_BuyersLivedThemBeforeItOpensAndNothingLiesAhead()
    {
        var before = TimeProvider.System.GetUtcNow();
        await using var sandbox = await TestSandbox.StartAsync(Options(TimeSpan.FromDays(3), TimeSpan.Zero));
        var after = TimeProvider.System.GetUtcNow();

        sandbox.Host.Clock.GetUtcNow().ShouldBeInRange(before, after);
        var summary = await BehaviourClient.SummaryAsync(sandbox);
        summary["days"]!.AsArray().Count.ShouldBeGreaterThanOrEqualTo(3, summary.ToJsonString());
        var events = await BehaviourClient.SiteEventsAsync(sandbox);
        events.Count.ShouldBeGreaterThan(50);
        events.Min(OccurredAt).ShouldBeLessThan(before.AddDays(-2));
        events.Max(OccurredAt).ShouldBeLessThanOrEqualTo(sandbox.Host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task StartAsync_HistoryWithCatchUp_LeavesTheCatchUpToTheRunningClock()
    {
        var before = TimeProvider.System.GetUtcNow();
        await using var sandbox = await TestSandbox.StartAsync(Options(TimeSpan.FromDays(2), TimeSpan.FromHours(6)));

        var now = sandbox.Host.Clock.GetUtcNow();
        now.ShouldBeLessThan(before.AddHours(-5));
        now.ShouldBeGreaterThan(before.AddHours(-7));
        (await BehaviourClient.SiteEventsAsync(sandbox)).Max(OccurredAt).ShouldBeLessThanOrEqualTo(now);
    }

    [Fact]
    public async Task Restart_FromDataFile_LivesTheStoppedTimeWithNewEventIds()
    {
        HashSet<string> firstIds;
        DateTimeOffset stoppedAt;
        await using (var first = await TestSandbox.StartAsync(Options(TimeSpan.FromDays(3), TimeSpan.FromDays(1), _dataFile)))
        {
            stoppedAt = first.Host.Clock.GetUtcNow();
            firstIds = [.. (await BehaviourClient.SiteEventsAsync(first)).Select(e => e!["clientEventId"]!.GetValue<string>())];
            firstIds.Count.ShouldBeGreaterThan(0);
        }

        // The second start resumes at the stored clock, a day behind, and lives that day before it opens.
        await using var second = await TestSandbox.StartAsync(Options(TimeSpan.FromDays(3), TimeSpan.Zero, _dataFile));

        var resumed = await BehaviourClient.SiteEventsAsync(second);
        resumed.Count.ShouldBeGreaterThan(20, "the stopped day is lived, including the rest of the day it resumed in");
        resumed.Min(OccurredAt).ShouldBeGreaterThanOrEqualTo(stoppedAt);
        resumed.Min(OccurredAt).ShouldBeLessThan(stoppedAt.AddHours(12), "the day it resumed in is not skipped");
        resumed.Select(e => e!["clientEventId"]!.GetValue<string>()).Where(firstIds.Contains).ShouldBeEmpty("event ids never repeat across a restart");
    }

    private static DateTimeOffset OccurredAt(JsonNode? siteEvent) => DateTimeOffset.Parse(siteEvent!["occurredAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => File.Delete(_dataFile);
}
