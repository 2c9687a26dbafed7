using System.Net;
using System.Net.Http.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Accounts;
using static Abm.Server.Tests.Lists.ListSeed;

namespace Abm.Server.Tests.Lists;

/// <summary>GET /api/accounts/{id}: the account page's stakeholder map, weekly activity and timeline.</summary>
public sealed class AccountProfileTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Get_AccountWithStakeholders_MapsRolesCoverageActivityAndTimeline()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await AccountAsync(Server, workspace, new("Initech", 64, Coverage: 17));
        var champion = await ContactAsync(Server, workspace, "Champ", 72, companyId: company.Id, buyingRole: "CHAMPION;INFLUENCER");
        var decider = await ContactAsync(Server, workspace, "Decider", 39, companyId: company.Id, buyingRole: "DECISION_MAKER"); // one below the engaged threshold of 40
        var unassigned = await ContactAsync(Server, workspace, "Nobody", 90, companyId: company.Id);
        await ContactAsync(Server, workspace, "Elsewhere", 95, buyingRole: "BUDGET_HOLDER"); // another account's stakeholder
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var guide = await ContentAsync(workspace, "Pricing guide");
        await EventAsync(workspace, champion.Id, "content_download", now.AddMinutes(-2), guide);
        await EventAsync(workspace, decider.Id, "email_open", now.AddMinutes(-3), null);
        await EventAsync(workspace, champion.Id, "webinar_attendance", now.AddDays(-15), null);
        await EventAsync(workspace, champion.Id, "page_view", now.AddDays(-200), null); // before the twelve weeks

        var profile = (await client.GetFromJsonAsync<AccountProfileResponse>($"/api/accounts/{company.Id}"))!;

        profile.Account.Name.ShouldBe("Initech");
        var roles = profile.StakeholderMap.ToDictionary(r => r.Role);
        roles.Keys.ShouldBe(["BUDGET_HOLDER", "CHAMPION", "DECISION_MAKER", "END_USER", "EXECUTIVE_SPONSOR", "INFLUENCER", "LEGAL_AND_COMPLIANCE", "BLOCKER", "OTHER", "NONE"]);
        (roles["CHAMPION"].Covered, roles["INFLUENCER"].Covered, roles["DECISION_MAKER"].Covered, roles["BUDGET_HOLDER"].Covered).ShouldBe((true, true, false, false));
        roles["CHAMPION"].Contacts.Single().ContactId.ShouldBe(champion.Id);
        roles["INFLUENCER"].Contacts.Single().ContactId.ShouldBe(champion.Id);
        roles["DECISION_MAKER"].Contacts.Single().Engaged.ShouldBeFalse();
        (roles["NONE"].Contacts.Single().ContactId, roles["NONE"].CountsTowardsCoverage, roles["NONE"].Covered).ShouldBe((unassigned.Id, false, false));
        (roles["OTHER"].CountsTowardsCoverage, roles["BLOCKER"].CountsTowardsCoverage).ShouldBe((false, true)); // blockers count: reaching them is part of winning

        profile.ActivityByWeek.Count.ShouldBe(AccountProfileQuery.Weeks);
        profile.ActivityByWeek[^1].WeekStarting.ShouldBe(MondayOf(now));
        (profile.ActivityByWeek[^1].Events, profile.ActivityByWeek[^1].ActiveContacts).ShouldBe((2, 2));
        profile.ActivityByWeek.Single(w => w.WeekStarting == MondayOf(now.AddDays(-15))).Events.ShouldBe(1);
        profile.ActivityByWeek.Sum(w => w.Events).ShouldBe(3);

        profile.Timeline.Select(e => e.EventType).ShouldBe(["content_download", "email_open", "webinar_attendance", "page_view"]);
        (profile.Timeline[0].ContentTitle, profile.Timeline[0].ContactName).ShouldBe(("Pricing guide", "Pat Champ"));
    }

    [Fact]
    public async Task Get_UnknownAccount_Answers404Problem()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.GetAsync($"/api/accounts/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Get_AccountWithoutContacts_EmptyMapAndTwelveQuietWeeks()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await AccountAsync(Server, workspace, new("Hooli", 0, Scored: false));

        var profile = (await client.GetFromJsonAsync<AccountProfileResponse>($"/api/accounts/{company.Id}"))!;

        profile.StakeholderMap.ShouldAllBe(r => r.Contacts.Count == 0 && !r.Covered);
        profile.ActivityByWeek.Count.ShouldBe(AccountProfileQuery.Weeks);
        profile.ActivityByWeek.ShouldAllBe(w => w.Events == 0);
        profile.Timeline.ShouldBeEmpty();
    }

    /// <summary>The Monday (UTC) of the week <paramref name="at"/> falls in.</summary>
    private static DateOnly MondayOf(DateTime at)
    {
        var day = DateOnly.FromDateTime(at);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private async Task<Guid> ContentAsync(Guid workspace, string title)
    {
        var item = new ContentItem { Id = Guid.NewGuid(), WorkspaceId = workspace, Title = title, ContentType = "guide" };
        await using var database = Server.OpenDatabase();
        database.ContentItems.Add(item);
        await database.SaveChangesAsync();
        return item.Id;
    }

    private async Task EventAsync(Guid workspace, Guid contact, string type, DateTime at, Guid? content)
    {
        await using var database = Server.OpenDatabase();
        database.EngagementEvents.Add(new EngagementEvent
        {
            WorkspaceId = workspace, Id = Guid.NewGuid(), ContactId = contact, EventType = type, OccurredAt = at, ContentId = content, Source = "api", CreatedAt = at,
        });
        await database.SaveChangesAsync();
    }
}
