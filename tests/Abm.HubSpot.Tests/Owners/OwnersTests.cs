using Abm.HubSpot.Crm;
using Abm.HubSpot.Owners;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Owners;

public sealed class OwnersTests
{
    // The sandbox seeds 8 owners per portal (docs/sandbox.md).
    private const int SeededOwners = 8;

    [Fact]
    public async Task ListAllAsync_SmallPages_ReturnsEverySeededOwnerOnce()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();

        var owners = new List<HubSpotOwner>();
        await foreach (var owner in client.Owners.ListAllAsync(pageSize: 3))
        {
            owners.Add(owner);
        }

        owners.Count.ShouldBe(SeededOwners);
        owners.Select(o => o.Id).Distinct().Count().ShouldBe(SeededOwners);
        owners.ShouldAllBe(o => o.Email != null && o.UserId != null && o.Teams.Count > 0);
        (await portal.CountAsync("GET /crm/v3/owners", 200)).ShouldBe(3);
        var companies = await client.Crm.ListPageAsync(CrmObjectTypes.Companies, new CrmReadOptions { Properties = ["hubspot_owner_id"] });
        var referenced = companies.Results.Select(c => c.Get("hubspot_owner_id")).OfType<string>().Distinct().ToList();
        referenced.ShouldNotBeEmpty();
        referenced.ShouldAllBe(id => owners.Any(o => o.Id == id));
    }

    [Fact]
    public async Task ListPageAsync_ByEmail_ReturnsOnlyThatOwner()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var all = await client.Owners.ListPageAsync();
        var wanted = all.Results[5];

        var page = await client.Owners.ListPageAsync(email: wanted.Email);

        all.After.ShouldBeNull();
        var found = page.Results.ShouldHaveSingleItem();
        (found.Id, found.UserId, found.Email).ShouldBe((wanted.Id, wanted.UserId, wanted.Email));
        page.After.ShouldBeNull();
    }
}
