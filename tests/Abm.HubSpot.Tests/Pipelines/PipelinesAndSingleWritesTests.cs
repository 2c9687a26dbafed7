using System.Net;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Pipelines;

/// <summary>The pipelines client and the single-record writes against the sandbox.</summary>
public sealed class PipelinesAndSingleWritesTests
{
    [Fact]
    public async Task Pipelines_ListAndStages_ReadTheDefaultPipelineWithProbabilities()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();

        var pipelines = await client.Pipelines.ListAsync();
        var stages = await client.Pipelines.ListStagesAsync("default");
        var missing = await Should.ThrowAsync<HubSpotApiException>(() => client.Pipelines.ListStagesAsync("nope"));

        var sales = pipelines.ShouldHaveSingleItem();
        (sales.Id, sales.Label, sales.Archived).ShouldBe(("default", "Sales Pipeline", false));
        stages.Select(s => s.Id).ShouldBe(sales.Stages.Select(s => s.Id));
        stages.Select(s => s.Probability).ShouldBe([0.2, 0.4, 0.6, 0.8, 0.9, 1.0, 0.0]);
        stages.Select(s => s.IsClosed).ShouldBe([false, false, false, false, false, true, true]);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SingleWrites_CreateUpdateArchive_AndRefusalsCarryHubSpotsDetails()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var company = (await client.Crm.ListPageAsync(CrmObjectTypes.Companies)).Results[0].Id;

        var created = await client.Crm.CreateAsync(CrmObjectTypes.Contacts, new CrmRecordInput(
            new Dictionary<string, string?> { ["email"] = "single@example.com", ["firstname"] = "Single" }, [new CrmAssociationInput(company, 1), new CrmAssociationInput(company, 279)]));
        var updated = await client.Crm.UpdateAsync(CrmObjectTypes.Contacts, created.Id, new Dictionary<string, string?> { ["jobtitle"] = "CFO" });
        var duplicate = await Should.ThrowAsync<HubSpotApiException>(() => client.Crm.CreateAsync(CrmObjectTypes.Contacts, new CrmRecordInput(new Dictionary<string, string?> { ["email"] = "single@example.com" })));
        var invalid = await Should.ThrowAsync<HubSpotApiException>(() => client.Crm.UpdateAsync(CrmObjectTypes.Contacts, created.Id, new Dictionary<string, string?> { ["lifecyclestage"] = "vip" }));
        var read = await client.Crm.GetAsync(CrmObjectTypes.Contacts, created.Id, new CrmReadOptions { Properties = ["jobtitle", "associatedcompanyid"] });
        await client.Crm.ArchiveAsync(CrmObjectTypes.Contacts, created.Id);

        updated.Get("jobtitle").ShouldBe("CFO");
        read!.Get("associatedcompanyid").ShouldBe(company);
        (duplicate.StatusCode, duplicate.HubSpotMessage).ShouldBe((HttpStatusCode.Conflict, $"Contact already exists. Existing ID: {created.Id}"));
        (invalid.StatusCode, invalid.Category).ShouldBe((HttpStatusCode.BadRequest, "VALIDATION_ERROR"));
        invalid.PropertyNames.ShouldBe(["lifecyclestage"]);
        (await client.Crm.GetAsync(CrmObjectTypes.Contacts, created.Id)).ShouldBeNull();
    }
}
