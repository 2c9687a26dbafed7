using Abm.HubSpot.Crm;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Crm;

public sealed class CrmListTests
{
    [Fact]
    public async Task ListPagesAsync_SeededPortal_ReturnsEveryRecordExactlyOnce()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 20 });
        var client = portal.Client();
        var expected = await portal.RecordCountAsync("contacts");

        var ids = new List<string>();
        var pages = 0;
        await foreach (var page in client.Crm.ListPagesAsync(CrmObjectTypes.Contacts, new CrmReadOptions { Properties = ["email"] }))
        {
            pages++;
            ids.AddRange(page.Results.Select(r => r.Id));
            page.Results.ShouldAllBe(r => r.Get("email") != null);
        }

        expected.ShouldBeGreaterThan(100);
        ids.Count.ShouldBe(expected);
        ids.Distinct().Count().ShouldBe(expected);
        pages.ShouldBe((expected + 99) / 100);
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 200)).ShouldBe(pages);
    }

    [Fact]
    public async Task ListPageAsync_ResumedFromCursor_ContinuesWhereThePreviousPageStopped()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();

        var first = await client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 10 });
        var second = await client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 10 }, first.After);

        first.After.ShouldNotBeNull();
        second.Results.Count.ShouldBe(10);
        second.Results.Select(r => r.Id).Intersect(first.Results.Select(r => r.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListPagesAsync_DateVersionedPrefix_CallsTheConfiguredPath()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client(configure: o => o.CrmObjectsPath = "/crm/objects/2026-03");

        var count = 0;
        await foreach (var page in client.Crm.ListPagesAsync(CrmObjectTypes.Companies))
        {
            count += page.Results.Count;
        }

        count.ShouldBe(await portal.RecordCountAsync("companies"));
        (await portal.CountAsync("/crm/objects/2026-03/{type}")).ShouldBeGreaterThan(0);
        (await portal.CountAsync("/crm/v3/objects/{type}")).ShouldBe(0);
    }

    [Fact]
    public async Task GetAsync_WithPropertiesAndAssociations_MapsTheRecord()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var listed = (await client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 1 })).Results[0];

        var record = await client.Crm.GetAsync(
            CrmObjectTypes.Contacts, listed.Id, new CrmReadOptions { Properties = ["email", "jobtitle"], Associations = [CrmObjectTypes.Companies] });

        record.ShouldNotBeNull();
        record.Id.ShouldBe(listed.Id);
        record.Get("jobtitle").ShouldNotBeNull();
        record.CreatedAt.ShouldNotBeNull();
        record.UpdatedAt.ShouldNotBeNull();
        record.Archived.ShouldBeFalse();
        record.Associations[CrmObjectTypes.Companies].ShouldNotBeEmpty();
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.Client().Crm.GetAsync(CrmObjectTypes.Contacts, "999")).ShouldBeNull();
    }

    [Fact]
    public async Task ListPageAsync_UnknownObjectType_ThrowsWithCategoryAndCorrelationId()
    {
        await using var portal = await TestPortal.StartAsync();

        var error = await Should.ThrowAsync<HubSpotApiException>(() => portal.Client().Crm.ListPageAsync("widgets"));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        error.Category.ShouldBe("VALIDATION_ERROR");
        error.CorrelationId.ShouldNotBeNullOrEmpty();
        error.Message.ShouldContain(error.CorrelationId!);
        (await portal.CountAsync("/crm/v3/objects/{type}")).ShouldBe(1);
    }
}
