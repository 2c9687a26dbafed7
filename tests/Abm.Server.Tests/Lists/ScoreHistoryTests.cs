using System.Net.Http.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Accounts;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Overview;
using Microsoft.EntityFrameworkCore;
using static Abm.Server.Tests.Lists.ListSeed;

namespace Abm.Server.Tests.Lists;

/// <summary>The daily score history behind the dashboard's trends: what a recompute records, what the overview and account routes answer, what is pruned.</summary>
public sealed class ScoreHistoryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Recompute_TwiceInADay_KeepsOneRowForTheDayWithTheLatestFigures()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await Server.SeedCompanyAsync(workspace, "technology");
        var champion = await Server.SeedContactAsync(workspace, "VP Engineering", company.Id, "CHAMPION");
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        (await client.PostAsJsonAsync("/api/events", new { events = new[] { new { type = "demo_request", occurredAt = now.AddDays(-1), contactHubSpotId = champion.HubSpotId } } }))
            .EnsureSuccessStatusCode();

        (await client.PostAsync("/api/engagement/recompute", null)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/events", new { events = new[] { new { type = "pricing_inquiry", occurredAt = now.AddHours(-1), contactHubSpotId = champion.HubSpotId } } }))
            .EnsureSuccessStatusCode();
        (await client.PostAsync("/api/engagement/recompute", null)).EnsureSuccessStatusCode();

        var account = (await client.GetFromJsonAsync<AccountEngagementResponse>($"/api/accounts/{company.Id}/engagement"))!;
        var profile = (await client.GetFromJsonAsync<AccountProfileResponse>($"/api/accounts/{company.Id}"))!;
        var day = profile.EngagementTrend.ShouldHaveSingleItem();
        (day.Day, day.Score, day.StakeholderCoverage).ShouldBe((today, Math.Round(account.Score, 1), Math.Round(account.StakeholderCoverage, 1)));
        day.Score.ShouldBeGreaterThan(0);

        var overview = (await client.GetFromJsonAsync<OverviewResponse>("/api/overview"))!;
        var trend = overview.Trend.ShouldHaveSingleItem();
        (trend.Day, trend.AverageEngagement).ShouldBe((today, overview.AverageAccountEngagement));
        (trend.Hot + trend.Engaged + trend.Warming + trend.Cold).ShouldBe(1);
        overview.AccountsByBand.Single(b => b.Accounts == 1).Band.ShouldBe(Band(trend));
        trend.ContentToMeetingConversion.ShouldBeNull("no content reached anyone");
    }

    [Fact]
    public async Task Overview_StoredHistory_AnswersTheLast90DaysOldestFirstWithContentConversion()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        await using (var database = Server.OpenDatabase())
        {
            database.WorkspaceScoreDays.AddRange(
                Day(workspace, today.AddDays(-1), engagement: 41.5, hot: 2, reached: 8, meetings: 2),
                Day(workspace, today.AddDays(-89), engagement: 12, hot: 0, reached: 0, meetings: 0),
                Day(workspace, today.AddDays(-90), engagement: 99, hot: 9, reached: 1, meetings: 1)); // one day too old for the 90-day trend
            database.ContentItems.Add(new ContentItem
            {
                Id = Guid.NewGuid(), WorkspaceId = workspace, Title = "Buyer's guide", ContentType = "ebook",
                PerformanceMetrics = """{"engagementRate":0.5,"conversionRate":0.25,"completionRate":0,"contacts":8,"events":12,"computedAt":"2026-01-01T00:00:00Z","meetings":3}""",
            });
            await database.SaveChangesAsync();
        }

        var overview = (await client.GetFromJsonAsync<OverviewResponse>("/api/overview"))!;

        overview.Trend.Select(d => d.Day).ShouldBe([DateOnly.FromDateTime(today.AddDays(-89)), DateOnly.FromDateTime(today.AddDays(-1))]);
        (overview.Trend[0].AverageEngagement, overview.Trend[0].ContentToMeetingConversion).ShouldBe((12, null));
        (overview.Trend[1].Hot, overview.Trend[1].ContentToMeetingConversion).ShouldBe((2, 25.0));
        (overview.ContentReached, overview.ContentMeetings, overview.ContentToMeetingConversion).ShouldBe((8, 3, 37.5));
    }

    [Fact]
    public async Task Recompute_FirstOfTheDay_PrunesDaysOlderThanKept()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await AccountAsync(Server, workspace, new("Globex", 30));
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        var (old, recent) = (today.AddDays(-(ScoreHistory.KeptDays + 1)), today.AddDays(-ScoreHistory.KeptDays));
        await using (var database = Server.OpenDatabase())
        {
            database.AccountScoreDays.AddRange(
                new AccountScoreDay { WorkspaceId = workspace, CompanyId = company.Id, Day = old, Score = 5 },
                new AccountScoreDay { WorkspaceId = workspace, CompanyId = company.Id, Day = recent, Score = 6 });
            database.WorkspaceScoreDays.AddRange(Day(workspace, old, 5, 0, 0, 0), Day(workspace, recent, 6, 0, 0, 0));
            await database.SaveChangesAsync();
        }

        (await client.PostAsync("/api/engagement/recompute", null)).EnsureSuccessStatusCode();

        await using var after = Server.OpenDatabase();
        (await after.AccountScoreDays.IgnoreQueryFilters().Where(d => d.WorkspaceId == workspace).Select(d => d.Day).OrderBy(d => d).ToListAsync()).ShouldBe([recent]);
        (await after.WorkspaceScoreDays.IgnoreQueryFilters().Where(d => d.WorkspaceId == workspace).Select(d => d.Day).OrderBy(d => d).ToListAsync()).ShouldBe([recent, today]);
    }

    private static WorkspaceScoreDay Day(Guid workspace, DateTime day, double engagement, int hot, int reached, int meetings) => new()
    {
        WorkspaceId = workspace, Day = day, Accounts = hot + 1, AverageEngagement = engagement, HotAccounts = hot, ColdAccounts = 1,
        ContentReached = reached, ContentMeetings = meetings,
    };

    private static string Band(TrendDay day) => day.Hot == 1 ? "hot" : day.Engaged == 1 ? "engaged" : day.Warming == 1 ? "warming" : "cold";
}
