using Abm.HubSpot.Crm;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Associations;

public sealed class AssociationsTests
{
    [Fact]
    public async Task BatchReadAsync_1500Contacts_TakesTwoCallsAndMatchesTheListedAssociations()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 100 });
        var client = portal.Client();
        var expected = new Dictionary<string, List<string>>();
        await foreach (var page in client.Crm.ListPagesAsync(CrmObjectTypes.Contacts, new CrmReadOptions { Properties = ["email"], Associations = [CrmObjectTypes.Companies] }))
        {
            foreach (var contact in page.Results.Where(_ => expected.Count < 1_500))
            {
                expected[contact.Id] = contact.Associations.GetValueOrDefault(CrmObjectTypes.Companies, []).Select(a => a.Id).Distinct().Order().ToList();
            }
        }

        await portal.ClearCountersAsync();

        var result = await client.Associations.BatchReadAsync(CrmObjectTypes.Contacts, CrmObjectTypes.Companies, expected.Keys.ToList());

        expected.Count.ShouldBe(1_500);
        result.Errors.ShouldBeEmpty();
        (await portal.CountAsync("POST /crm/v4/associations/{fromType}/{toType}/batch/read", 200)).ShouldBe(2);
        foreach (var (contactId, companyIds) in expected)
        {
            result.IdsOf(contactId).ShouldBe(companyIds, ignoreOrder: true, customMessage: $"contact {contactId}");
        }

        expected.Values.ShouldAllBe(companies => companies.Count > 0);
        // Seeded contacts carry both the unlabelled (279) and the primary (1) contact-to-company type.
        result.ByFromId.Values.SelectMany(a => a).SelectMany(a => a.Types).Select(t => t.TypeId).Distinct().Order().ShouldBe([1, 279]);
    }

    [Fact]
    public async Task BatchReadAsync_UnknownIds_ReportsThemPerInputAndReadsTheRest()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var contacts = (await client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 5 })).Results.Select(c => c.Id).ToList();

        var result = await client.Associations.BatchReadAsync(CrmObjectTypes.Contacts, CrmObjectTypes.Companies, [contacts[0], "999", .. contacts.Skip(1)]);

        result.ByFromId.Keys.Order().ShouldBe(contacts.Order());
        result.Errors.ShouldHaveSingleItem().InputIndexes.ShouldBe([1]);
        result.Errors[0].Category.ShouldBe("OBJECT_NOT_FOUND");
    }

    [Fact]
    public async Task AssociateDefaultAsync_NewContact_IsAssociatedWithTheUnlabelledType()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var company = (await client.Crm.ListPageAsync(CrmObjectTypes.Companies, new CrmReadOptions { PageSize = 1 })).Results[0];
        var created = await client.Crm.BatchCreateAsync(CrmObjectTypes.Contacts, [new(new Dictionary<string, string?> { ["email"] = "new.buyer@example.com" })]);
        var contactId = created.Records.ShouldHaveSingleItem().Id;

        await client.Associations.AssociateDefaultAsync(CrmObjectTypes.Contacts, contactId, CrmObjectTypes.Companies, company.Id);

        var read = await client.Associations.BatchReadAsync(CrmObjectTypes.Contacts, CrmObjectTypes.Companies, [contactId]);
        var associated = read.ByFromId[contactId].ShouldHaveSingleItem();
        associated.ToObjectId.ShouldBe(company.Id);
        associated.Types.ShouldHaveSingleItem().TypeId.ShouldBe(279);
        var reverse = await client.Associations.BatchReadAsync(CrmObjectTypes.Companies, CrmObjectTypes.Contacts, [company.Id]);
        reverse.IdsOf(company.Id).ShouldContain(contactId);
    }
}
