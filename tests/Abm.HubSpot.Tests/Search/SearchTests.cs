using Abm.HubSpot.Crm;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Search;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Search;

public sealed class SearchTests
{
    [Fact]
    public async Task SearchAsync_FilterAndSort_ReturnsMatchingRecordsInOrder()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 10 });
        var request = new CrmSearchRequest
        {
            FilterGroups = [[new CrmSearchFilter("lifecyclestage", "IN", Values: ["lead", "customer"]), new CrmSearchFilter("jobtitle", "HAS_PROPERTY")]],
            Sort = new CrmSearchSort("createdate", Descending: true),
            Properties = ["lifecyclestage", "createdate"],
            Limit = 200,
        };

        var page = await portal.Client().Search.SearchAsync(CrmObjectTypes.Contacts, request);

        page.Total.ShouldBeGreaterThan(0);
        page.Results.Count.ShouldBe(Math.Min(200, page.Total));
        page.Results.ShouldAllBe(r => r.Get("lifecyclestage") == "lead" || r.Get("lifecyclestage") == "customer");
        var created = page.Results.Select(r => DateTimeOffset.Parse(r.Get("createdate")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        created.ShouldBe(created.OrderDescending());
    }

    [Fact]
    public async Task SearchModifiedSinceAsync_RecentChanges_ReturnsOnlyRecordsChangedSince()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var contacts = (await client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 30 })).Results;
        var since = portal.Time.GetUtcNow();
        await client.Crm.BatchUpdateAsync(CrmObjectTypes.Contacts, contacts.Select(c => new CrmRecordUpdate(c.Id, new Dictionary<string, string?> { ["jobtitle"] = "VP Marketing" })).ToList());

        var changed = new List<CrmRecord>();
        await foreach (var page in client.Search.SearchModifiedSinceAsync(CrmObjectTypes.Contacts, since, ["jobtitle"]))
        {
            changed.AddRange(page);
        }

        changed.Select(r => r.Id).Order().ShouldBe(contacts.Select(c => c.Id).Order());
        changed.ShouldAllBe(r => r.Get("jobtitle") == "VP Marketing" && r.Get("lastmodifieddate") != null);
    }

    [Fact]
    public async Task SearchModifiedSinceAsync_MoreThan10000Matches_NarrowsTheWindowAndReturnsEachRecordOnce()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 640 });
        var expected = await portal.RecordCountAsync("contacts");

        var ids = new List<string>();
        // Each search scans the whole portal; give an attempt time for that on a busy machine.
        var client = portal.Client(configure: o => o.Retries.AttemptTimeout = TimeSpan.FromMinutes(2));
        await foreach (var page in client.Search.SearchModifiedSinceAsync(CrmObjectTypes.Contacts, TestPortal.Start.AddYears(-10)))
        {
            ids.AddRange(page.Select(r => r.Id));
        }

        expected.ShouldBeGreaterThan(10_000);
        ids.Count.ShouldBe(expected);
        ids.Distinct().Count().ShouldBe(expected);
        (await portal.CountAsync("/search", 400)).ShouldBe(0);
        (await portal.CountAsync("/search", 200)).ShouldBeGreaterThan(expected / 200);
    }
}
