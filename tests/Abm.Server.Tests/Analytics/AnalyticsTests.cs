using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Engines.Analytics;
using Abm.Server.Features.Analytics;
using static Abm.Server.Tests.Analytics.AnalyticsSeed;

namespace Abm.Server.Tests.Analytics;

/// <summary>The analytics routes against small hand-counted datasets, on the run's database provider.</summary>
public sealed class AnalyticsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Deals_HandCountedPortal_PipelineWinRateAndCycleByMonth()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        await DealsAsync(Server, workspace,
            ("appointmentscheduled", 1000m, At(2026, 1, 1), null),
            ("contractsent", 4000m, At(2026, 1, 2), null),
            ("contractsent", 500m, At(2026, 1, 3), null),
            ("closedwon", 200m, At(2026, 1, 1), At(2026, 1, 11)),    // 10 days
            ("closedwon", 300m, At(2026, 2, 1), At(2026, 3, 3)),     // 30 days
            ("closedlost", 900m, At(2026, 1, 5), At(2026, 3, 20)),
            ("closedwon", 999m, At(2025, 1, 1), At(2025, 6, 1)));    // closed before the range
        await SyncedAsync(Server, workspace, "deals", At(2026, 4, 2, 8));

        var report = (await client.GetFromJsonAsync<DealAnalyticsResponse>("/api/hubspot/analytics/deals?from=2026-01-01&to=2026-03-31&period=month"))!;

        report.OpenPipeline.ShouldBe([new StageValue("contractsent", 2, 4500m), new StageValue("appointmentscheduled", 1, 1000m)]);
        report.Periods.Select(p => (p.Start, p.Won, p.Lost, p.WinRate, p.WonValue, p.AverageCycleDays)).ShouldBe(
        [
            (new DateOnly(2026, 1, 1), 1L, 0L, (double?)1.0, 200m, (double?)10.0),
            (new DateOnly(2026, 2, 1), 0L, 0L, null, 0m, null),
            (new DateOnly(2026, 3, 1), 1L, 1L, 0.5, 300m, 30.0),
        ]);
        (report.Total.Won, report.Total.Lost, report.Total.WinRate, report.Total.AverageCycleDays).ShouldBe((2L, 1L, (double?)(2.0 / 3), (double?)20.0));
        report.Freshness.ShouldBe([new ObjectFreshness("deals", At(2026, 4, 2, 8), true)]);
    }

    [Fact]
    public async Task Contacts_HandCountedPortal_GrowthStagesAndSources()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        await ContactsAsync(Server, workspace,
            (At(2025, 12, 30), "customer", "ORGANIC_SEARCH", false),          // before the range
            (At(2026, 1, 5, 0), "lead", "ORGANIC_SEARCH", false),             // week of Jan 5
            (At(2026, 1, 11, 23), "lead", "PAID_SEARCH", false),              // same week, last hour of Sunday
            (At(2026, 1, 12), "subscriber", null, false),                     // week of Jan 12
            (At(2026, 1, 13), "lead", "ORGANIC_SEARCH", true),                // archived: not counted
            (At(2026, 2, 1), "lead", "DIRECT_TRAFFIC", false),                // after the range
            (null, null, null, false));                                       // no create date
        var report = (await client.GetFromJsonAsync<ContactAnalyticsResponse>("/api/hubspot/analytics/contacts?from=2026-01-05&to=2026-01-18&period=week"))!;

        report.Periods.Select(p => (p.Start, p.New, p.Cumulative)).ShouldBe([(new DateOnly(2026, 1, 5), 2L, 3L), (new DateOnly(2026, 1, 12), 1L, 4L)]);
        (report.NewInRange, report.TotalAtEnd, report.WithoutCreateDate).ShouldBe((3L, 4L, 1L));
        report.LifecycleStages.Select(s => (s.Value, s.Count)).ShouldBe([("lead", 3L), ("customer", 1L), ("subscriber", 1L), ("unknown", 1L)]);
        report.Sources.Select(s => (s.Value, s.Count)).ShouldBe([("ORGANIC_SEARCH", 1L), ("PAID_SEARCH", 1L), ("unknown", 1L)]);
        report.Freshness.ShouldBe([new ObjectFreshness("contacts", null, false)]);
    }

    [Fact]
    public async Task Campaigns_HandCountedEvents_OpensAndClicksByQuarter()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = (await ContactsAsync(Server, workspace, (At(2026, 1, 1), "lead", null, false)))[0];
        await EmailEventsAsync(Server, workspace, contact.Id,
            ("email_open", At(2026, 1, 2)), ("email_open", At(2026, 3, 31, 23)), ("email_click", At(2026, 3, 31, 23)),
            ("email_open", At(2026, 4, 1, 0)), ("website_visit", At(2026, 2, 1)), ("email_click", At(2025, 12, 31, 23)));
        await SyncedAsync(Server, workspace, "email_events", At(2026, 7, 1));
        // Marketing single sends count one per recipient sent: two in the first quarter, one in the second; skipped ones do not count.
        await MarketingSendAsync(Server, workspace, ("sent", At(2026, 2, 1)), ("sent", At(2026, 3, 31, 23)), ("skipped", null), ("sent", At(2026, 5, 5)), ("sent", At(2026, 7, 2)));

        var report = (await client.GetFromJsonAsync<CampaignAnalyticsResponse>("/api/hubspot/analytics/campaigns?from=2026-01-01&to=2026-06-30&period=quarter"))!;

        report.Periods.Select(p => (p.Start, p.Sends, p.Opens, p.Clicks)).ShouldBe([(new DateOnly(2026, 1, 1), 2L, 2L, 1L), (new DateOnly(2026, 4, 1), 1L, 1L, 0L)]);
        (report.Total.Opens, report.Total.Clicks, report.Total.ClicksPerOpen).ShouldBe((3L, 1L, (double?)(1.0 / 3)));
        report.Freshness.ShouldBe([new ObjectFreshness("email_events", At(2026, 7, 1), true)]);
    }

    [Fact]
    public async Task Contacts_AnotherWorkspacesContacts_AreNotCounted()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();
        var other = await Server.CreateWorkspaceAsync("Other portal");
        await ContactsAsync(Server, other, (At(2026, 1, 6), "lead", "DIRECT_TRAFFIC", false));

        var report = (await client.GetFromJsonAsync<ContactAnalyticsResponse>("/api/hubspot/analytics/contacts?from=2026-01-01&to=2026-01-31"))!;

        (report.NewInRange, report.TotalAtEnd).ShouldBe((0L, 0L));
        report.LifecycleStages.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("deals", "from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("contacts", "period=fortnight", "period")]
    [InlineData("campaigns", "from=2026-13-01", "from")]
    [InlineData("deals", "to=yesterday", "to")]
    [InlineData("contacts", "from=2015-01-01&to=2026-01-01", "from")]
    [InlineData("campaigns", "from=1999-12-31&to=2000-01-02", "from")]
    public async Task Analytics_BadParameter_Returns400NamingIt(string route, string query, string parameter)
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.GetAsync($"/api/hubspot/analytics/{route}?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Analytics_NoQuery_DefaultsToTwelveMonthsByMonth()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var report = (await client.GetFromJsonAsync<DealAnalyticsResponse>("/api/hubspot/analytics/deals"))!;

        report.Period.ShouldBe("month");
        report.From.ShouldBe(report.To.AddYears(-1).AddDays(1));
        report.Periods.Count.ShouldBeInRange(12, 13);
    }
}
