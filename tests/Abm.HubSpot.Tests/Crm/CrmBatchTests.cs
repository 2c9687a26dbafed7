using System.Globalization;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Crm;

public sealed class CrmBatchTests
{
    private static CrmRecordInput Contact(int i) =>
        new(new Dictionary<string, string?> { ["email"] = $"batch{i}@example.com", ["firstname"] = $"Batch{i}" });

    [Fact]
    public async Task BatchCreateAsync_250Inputs_MakesThreeCallsAndCreatesAll()
    {
        await using var portal = await TestPortal.StartAsync();
        var before = await portal.RecordCountAsync("contacts");

        var result = await portal.Client().Crm.BatchCreateAsync(CrmObjectTypes.Contacts, Enumerable.Range(0, 250).Select(Contact).ToList());

        result.HasErrors.ShouldBeFalse();
        result.Records.Count.ShouldBe(250);
        result.Records.Select(r => r.Get("email")).Distinct().Count().ShouldBe(250);
        (await portal.CountAsync("POST /crm/v3/objects/{type}/batch/create")).ShouldBe(3);
        (await portal.RecordCountAsync("contacts")).ShouldBe(before + 250);
    }

    [Fact]
    public async Task BatchReadAsync_250IdsWithSomeUnknown_ReturnsKnownAndReportsUnknownPerInput()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var created = await client.Crm.BatchCreateAsync(CrmObjectTypes.Contacts, Enumerable.Range(0, 248).Select(Contact).ToList());
        List<string> ids = [.. created.Records.Select(r => r.Id).Take(120), "999", .. created.Records.Select(r => r.Id).Skip(120), "998"];

        var result = await client.Crm.BatchReadAsync(CrmObjectTypes.Contacts, ids, ["email"]);

        result.Records.Count.ShouldBe(248);
        result.Errors.Count.ShouldBe(2);
        result.Errors.SelectMany(e => e.InputIndexes).Order().ShouldBe([120, 249]);
        result.Errors.ShouldAllBe(e => e.Category == "OBJECT_NOT_FOUND");
        (await portal.CountAsync("POST /crm/v3/objects/{type}/batch/read")).ShouldBe(3);
    }

    [Fact]
    public async Task BatchUpdateAsync_SomeRecordsMissing_KeepsSuccessesAndReportsEachFailure()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var created = await client.Crm.BatchCreateAsync(CrmObjectTypes.Contacts, Enumerable.Range(0, 150).Select(Contact).ToList());
        var updates = created.Records
            .Select(r => new CrmRecordUpdate(r.Id, new Dictionary<string, string?> { ["jobtitle"] = "CTO" }))
            .ToList();
        updates.Insert(10, new CrmRecordUpdate("777", new Dictionary<string, string?> { ["jobtitle"] = "CTO" }));
        updates.Add(new CrmRecordUpdate("778", new Dictionary<string, string?> { ["jobtitle"] = "CTO" }));

        var result = await client.Crm.BatchUpdateAsync(CrmObjectTypes.Contacts, updates);

        result.Records.Count.ShouldBe(150);
        result.Records.ShouldAllBe(r => r.Get("jobtitle") == "CTO");
        result.Errors.Count.ShouldBe(2);
        result.Errors.SelectMany(e => e.InputIndexes).Order().ShouldBe([10, 151]);
        result.Errors.ShouldAllBe(e => e.Category == "OBJECT_NOT_FOUND");
        var reread = await client.Crm.GetAsync(CrmObjectTypes.Contacts, created.Records[0].Id, new CrmReadOptions { Properties = ["jobtitle"] });
        reread!.Get("jobtitle").ShouldBe("CTO");
    }

    [Fact]
    public async Task BatchCreateAsync_OneChunkRefused_ReportsThatChunkAndKeepsTheOthers()
    {
        await using var portal = await TestPortal.StartAsync();
        var inputs = Enumerable.Range(0, 250)
            .Select(i => new CrmRecordInput(new Dictionary<string, string?>
            {
                ["dealname"] = $"Deal {i}",
                ["pipeline"] = "default",
                // Input 150 lacks the required stage, so HubSpot refuses its whole chunk (100..199).
                ["dealstage"] = i == 150 ? null : "appointmentscheduled",
            }))
            .ToList();

        var result = await portal.Client().Crm.BatchCreateAsync(CrmObjectTypes.Deals, inputs);

        result.Records.Count.ShouldBe(150);
        var error = result.Errors.ShouldHaveSingleItem();
        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        error.Category.ShouldBe("VALIDATION_ERROR");
        error.CorrelationId.ShouldNotBeNullOrEmpty();
        error.InputIndexes.ShouldBe(Enumerable.Range(100, 100));
    }

    [Fact]
    public async Task BatchUpsertAsync_ByEmail_UpdatesExistingAndCreatesNew()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        await client.Crm.BatchCreateAsync(CrmObjectTypes.Contacts, Enumerable.Range(0, 3).Select(Contact).ToList());
        var inputs = Enumerable.Range(0, 6)
            .Select(i => new CrmRecordUpdate($"batch{i}@example.com", new Dictionary<string, string?> { ["lastname"] = i.ToString(CultureInfo.InvariantCulture) }))
            .ToList();

        var result = await client.Crm.BatchUpsertAsync(CrmObjectTypes.Contacts, "email", inputs);

        result.HasErrors.ShouldBeFalse();
        result.Records.Count(r => r.IsNew == true).ShouldBe(3);
        result.Records.Count(r => r.IsNew == false).ShouldBe(3);
    }

    [Fact]
    public async Task BatchArchiveAsync_CreatedRecords_AreGoneAfterwards()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var created = await client.Crm.BatchCreateAsync(CrmObjectTypes.Contacts, Enumerable.Range(0, 120).Select(Contact).ToList());

        var result = await client.Crm.BatchArchiveAsync(CrmObjectTypes.Contacts, created.Records.Select(r => r.Id).ToList());

        result.HasErrors.ShouldBeFalse();
        (await portal.CountAsync("POST /crm/v3/objects/{type}/batch/archive")).ShouldBe(2);
        (await client.Crm.GetAsync(CrmObjectTypes.Contacts, created.Records[0].Id)).ShouldBeNull();
        (await client.Crm.GetAsync(CrmObjectTypes.Contacts, created.Records[0].Id, new CrmReadOptions { Archived = true }))!.Archived.ShouldBeTrue();
    }
}
