using Abm.Server.Dashboard;
using Abm.Server.Dashboard.Panels.HubSpot;
using Abm.Server.Features.Analytics;
using Microsoft.AspNetCore.Components;

namespace Abm.Dashboard.Tests;

/// <summary>The HubSpot pages' pieces: the pager, the association picker, and the freshness line of analytics.</summary>
public sealed class HubSpotPanelsTests : DashboardComponentContext
{
    [Fact]
    public void Pager_MiddlePage_SaysWhereItIsAndMovesByAPage()
    {
        var moved = new List<int>();
        var cut = Render<Pager>(p => p.Add(x => x.Offset, 25).Add(x => x.PageSize, 25).Add(x => x.Total, 60)
            .Add(x => x.OnMove, EventCallback.Factory.Create<int>(this, moved.Add)));

        cut.Find("p").TextContent.ShouldBe("26–50 of 60");
        cut.FindAll("button").Select(b => b.HasAttribute("disabled")).ShouldBe([false, false]);
        cut.FindAll("button")[1].Click();
        cut.FindAll("button")[0].Click();
        moved.ShouldBe([50, 0]);
    }

    [Fact]
    public void Pager_LastPage_OffersOnlyPrevious()
    {
        var cut = Render<Pager>(p => p.Add(x => x.Offset, 50).Add(x => x.PageSize, 25).Add(x => x.Total, 60));

        cut.Find("p").TextContent.ShouldBe("51–60 of 60");
        cut.FindAll("button").Select(b => b.HasAttribute("disabled")).ShouldBe([false, true]);
    }

    [Fact]
    public void AssociationPicker_FoundRecordAssociated_AddedToChosenAndNoLongerOffered()
    {
        var chosen = new List<string>();
        IReadOnlyList<FieldOption> found = [new("101", "Blueforge Capital"), new("102", "Blue Harbour")];
        // No debounce: its timer would re-render on another thread between finding the button and clicking it.
        var cut = Render<AssociationPicker>(p => p.Add(x => x.Id, "deal-companies").Add(x => x.Legend, "Company").Add(x => x.Chosen, chosen).Add(x => x.DebounceMilliseconds, 0)
            .Add(x => x.Search, text => Task.FromResult<IReadOnlyList<FieldOption>>([.. found.Where(f => f.Label.StartsWith(text, StringComparison.OrdinalIgnoreCase))])));

        cut.Find("#deal-companies-search").Input("blue");
        cut.WaitForAssertion(() => cut.FindAll("button[aria-label^='Associate']").Count.ShouldBe(2));
        cut.Find("button[aria-label='Associate Blueforge Capital']").Click();

        string.Join(",", chosen).ShouldBe("101");
        cut.FindAll("button[aria-label^='Associate']").Select(b => b.GetAttribute("aria-label")).ShouldBe(["Associate Blue Harbour"]);
        cut.Find("[data-chosen='101']").TextContent.ShouldContain("Blueforge Capital");
    }

    [Fact]
    public void AnalyticsFreshness_EachObjectType_SaysWhenItWasSyncedOrThatItNeverWas()
    {
        ObjectFreshness[] freshness = [new("deals", new DateTime(2026, 12, 7, 9, 5, 0, DateTimeKind.Utc), true), new("email_events", null, false), new("contacts", new DateTime(2026, 12, 6, 23, 0, 0, DateTimeKind.Utc), false)];

        HubSpotWords.AnalyticsFreshness(freshness).ShouldBe(
            "Computed from ABM Engine's copy of the portal: deals last synced 7 Dec 2026 09:05 UTC; email events never synced; contacts last synced 6 Dec 2026 23:00 UTC (no full sync completed yet).");
    }
}
