using System.Globalization;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Tasks;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Tasks;

public sealed class TasksTests
{
    [Fact]
    public async Task CreateAsync_150Tasks_TakesTwoCallsAndReadsBackWithTheirAssociations()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 12 });
        var client = portal.Client();
        var contacts = new List<string>();
        await foreach (var page in client.Crm.ListPagesAsync(CrmObjectTypes.Contacts))
        {
            contacts.AddRange(page.Results.Select(c => c.Id));
        }

        var company = (await client.Crm.ListPageAsync(CrmObjectTypes.Companies, new CrmReadOptions { PageSize = 1 })).Results[0].Id;
        var deal = (await client.Crm.ListPageAsync(CrmObjectTypes.Deals, new CrmReadOptions { PageSize = 1 })).Results[0].Id;
        var owner = (await client.Owners.ListPageAsync(pageSize: 1)).Results[0].Id;
        var due = TestPortal.Start.AddDays(3);
        var inputs = contacts.Take(150).Select((contact, i) => new CrmTaskInput
        {
            DueAt = due.AddMinutes(i),
            Subject = $"Follow up {i}",
            Body = "Visited the pricing page twice this week.",
            Priority = CrmTaskPriority.High,
            Type = CrmTaskType.Call,
            OwnerId = owner,
            ContactIds = [contact],
            CompanyIds = i % 2 == 0 ? [company] : [],
            DealIds = i == 0 ? [deal] : [],
        }).ToList();
        await portal.ClearCountersAsync();

        var created = await client.Tasks.CreateAsync(inputs);

        contacts.Count.ShouldBeGreaterThanOrEqualTo(150);
        created.HasErrors.ShouldBeFalse();
        created.Records.Count.ShouldBe(150);
        (await portal.CountAsync("POST /crm/v3/objects/{type}/batch/create")).ShouldBe(2);
        var ids = created.Records.Select(r => r.Id).ToList();
        var read = await client.Crm.BatchReadAsync(CrmObjectTypes.Tasks, ids, ["hs_task_subject", "hs_task_status", "hs_task_priority", "hs_task_type", "hs_timestamp", "hubspot_owner_id"]);
        read.Records.Count.ShouldBe(150);
        var first = read.Records.Single(r => r.Get("hs_task_subject") == "Follow up 7");
        (first.Get("hs_task_status"), first.Get("hs_task_priority"), first.Get("hs_task_type"), first.Get("hubspot_owner_id")).ShouldBe(("NOT_STARTED", "HIGH", "CALL", owner));
        DateTimeOffset.Parse(first.Get("hs_timestamp")!, CultureInfo.InvariantCulture).ShouldBe(due.AddMinutes(7));
        var toContacts = await client.Associations.BatchReadAsync(CrmObjectTypes.Tasks, CrmObjectTypes.Contacts, ids);
        for (var i = 0; i < ids.Count; i++)
        {
            var associated = toContacts.ByFromId[ids[i]].ShouldHaveSingleItem();
            associated.ToObjectId.ShouldBe(inputs[i].ContactIds[0]);
            associated.Types.ShouldContain(t => t.TypeId == TasksClient.TaskToContact);
        }

        var toCompanies = await client.Associations.BatchReadAsync(CrmObjectTypes.Tasks, CrmObjectTypes.Companies, ids);
        ids.Count(id => toCompanies.IdsOf(id).SequenceEqual([company])).ShouldBe(75);
        var toDeals = await client.Associations.BatchReadAsync(CrmObjectTypes.Tasks, CrmObjectTypes.Deals, ids);
        toDeals.IdsOf(ids[0]).ShouldBe([deal]);
        ids.Skip(1).ShouldAllBe(id => toDeals.IdsOf(id).Count == 0);
    }

    [Fact]
    public async Task CreateAsync_AssociationToMissingContact_ReportsThatTaskAndCreatesTheOthers()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var contact = (await client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 1 })).Results[0].Id;
        var inputs = Enumerable.Range(0, 120).Select(i => new CrmTaskInput
        {
            DueAt = TestPortal.Start,
            Subject = $"Task {i}",
            ContactIds = [i == 110 ? "999" : contact],
        }).ToList();

        var created = await client.Tasks.CreateAsync(inputs);

        created.Records.Select(r => r.Get("hs_task_subject")).ShouldBe(inputs.Select(t => t.Subject).Where(s => s != "Task 110"), ignoreOrder: true);
        created.Errors.ShouldHaveSingleItem().Category.ShouldBe("VALIDATION_ERROR");
        created.Errors[0].Message.ShouldContain("999");
    }
}
