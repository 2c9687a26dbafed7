using Abm.Server.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Leads;

/// <summary>Which leads the worker scores on its own: new ones, and changed ones once their changes have settled.</summary>
public sealed class LeadTriggerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(60);

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task ScoreDue_NewContacts_ScoredOnceThenNotAgain()
    {
        var (_, workspace) = await Server.MarketerInNewWorkspaceAsync();
        await Server.SeedContactAsync(workspace);
        await Server.SeedContactAsync(workspace);
        var now = Server.Service<TimeProvider>().GetUtcNow().UtcDateTime;

        var first = await ScoreDueAsync(workspace, now.AddMinutes(5));
        var second = await ScoreDueAsync(workspace, now.AddMinutes(5));

        first.Scored.ShouldBe(2);
        second.Scored.ShouldBe(0);
    }

    [Fact]
    public async Task ScoreDue_ContactCompanyOrEngagementChanged_ScoredOnlyOnceTheChangeHasSettled()
    {
        var (_, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await Server.SeedCompanyAsync(workspace, "technology");
        var byContact = await Server.SeedContactAsync(workspace, "CTO", company.Id);
        var byEngagement = await Server.SeedContactAsync(workspace);
        var unrelated = await Server.SeedContactAsync(workspace);
        var start = Server.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        (await ScoreDueAsync(workspace, start.AddMinutes(1))).Scored.ShouldBe(3);
        // The scores are made older and the changes put between them and now, so no wall-clock timing matters.
        var changedAt = start.AddMinutes(-5);
        await using (var database = Server.OpenDatabase())
        {
            await database.LeadScores.IgnoreQueryFilters().Where(s => s.WorkspaceId == workspace).ExecuteUpdateAsync(s => s.SetProperty(x => x.ScoredAt, start.AddMinutes(-10)));
            await database.Contacts.IgnoreQueryFilters().Where(c => c.Id == byContact.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.UpdatedAt, changedAt));
            await database.Contacts.IgnoreQueryFilters().Where(c => c.Id == byEngagement.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.LastInteractionAt, changedAt));
        }

        var tooSoon = await ScoreDueAsync(workspace, changedAt.AddSeconds(30));
        var settled = await ScoreDueAsync(workspace, changedAt.AddSeconds(61));
        await using (var database = Server.OpenDatabase())
        {
            await database.Companies.IgnoreQueryFilters().Where(c => c.Id == company.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.UpdatedAt, start.AddMinutes(5)));
        }

        var afterCompanyChange = await ScoreDueAsync(workspace, start.AddMinutes(7));

        tooSoon.Scored.ShouldBe(0);
        settled.Scored.ShouldBe(2);
        afterCompanyChange.Scored.ShouldBe(1);
        await using var check = Server.OpenDatabase();
        (await check.LeadScores.IgnoreQueryFilters().CountAsync(s => s.ContactId == unrelated.Id)).ShouldBe(1);
        (await check.LeadScores.IgnoreQueryFilters().CountAsync(s => s.ContactId == byContact.Id)).ShouldBe(3);
    }

    private Task<LeadScoringSummary> ScoreDueAsync(Guid workspace, DateTime now) =>
        LeadTestData.InWorkspaceAsync(Server, workspace, services => services.GetRequiredService<LeadScoring>().ScoreDueAsync(now, Debounce, 1000, CancellationToken.None));
}
