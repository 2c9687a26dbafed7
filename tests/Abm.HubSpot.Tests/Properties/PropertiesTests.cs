using Abm.HubSpot.Crm;
using Abm.HubSpot.Properties;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Properties;

public sealed class PropertiesTests
{
    private static readonly PropertyGroup EngineGroup = new("abm_engine", "ABM Engine");

    private static readonly PropertyDefinition[] EngineProperties =
    [
        new() { Name = "abm_score", Label = "ABM score", Type = "number", FieldType = "number", GroupName = "abm_engine" },
        new() { Name = "abm_segment", Label = "ABM segment", Type = "string", FieldType = "text", GroupName = "abm_engine" },
        new()
        {
            Name = "abm_stage", Label = "ABM stage", Type = "enumeration", FieldType = "select", GroupName = "abm_engine",
            Options = [new("Aware", "aware"), new("Engaged", "engaged")],
        },
        new() { Name = "abm_last_scored_at", Label = "ABM last scored", Type = "datetime", FieldType = "date", GroupName = "abm_engine" },
    ];

    [Fact]
    public async Task EnsureAsync_Twice_CreatesOnceThenReportsEverythingAlreadyPresent()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();

        var first = await client.Properties.EnsureAsync(CrmObjectTypes.Contacts, EngineGroup, EngineProperties);
        var second = await client.Properties.EnsureAsync(CrmObjectTypes.Contacts, EngineGroup, EngineProperties);

        first.GroupCreated.ShouldBeTrue();
        first.Created.ShouldBe(EngineProperties.Select(p => p.Name));
        first.AlreadyPresent.ShouldBeEmpty();
        second.GroupCreated.ShouldBeFalse();
        second.Created.ShouldBeEmpty();
        second.AlreadyPresent.ShouldBe(EngineProperties.Select(p => p.Name));
        (await portal.CountAsync("POST /crm/v3/properties/{type}/groups")).ShouldBe(1);
        // The group's route shares the properties route's prefix: one group and four properties were written, nothing refused.
        (await portal.CountAsync("POST /crm/v3/properties/{type}")).ShouldBe(1 + EngineProperties.Length);
        (await portal.CountAsync("POST /crm/v3/properties/{type}", 409)).ShouldBe(0);
        var listed = await client.Properties.ListAsync(CrmObjectTypes.Contacts);
        var stage = listed.Single(p => p.Name == "abm_stage");
        stage.GroupName.ShouldBe("abm_engine");
        stage.Options!.Select(o => o.Value).ShouldBe(["aware", "engaged"]);
        listed.Single(p => p.Name == "email").HubspotDefined.ShouldBeTrue();
    }

    [Fact]
    public async Task CreateAsync_ExistingName_ThrowsConflict()
    {
        await using var portal = await TestPortal.StartAsync();
        // A fresh sandbox's first answer can outlast a compressed attempt timeout; a retried create would then meet its own 409.
        await portal.WarmUpAsync();
        var client = portal.Client();
        await client.Properties.CreateGroupAsync(CrmObjectTypes.Contacts, EngineGroup);
        await client.Properties.CreateAsync(CrmObjectTypes.Contacts, EngineProperties[0]);

        var duplicate = await Should.ThrowAsync<HubSpotApiException>(() => client.Properties.CreateAsync(CrmObjectTypes.Contacts, EngineProperties[0]));

        duplicate.StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        duplicate.Category.ShouldBe("OBJECT_ALREADY_EXISTS");
    }

    [Fact]
    public async Task EnsureAsync_CreateAnsweredWithConflict_CountsThePropertyAsAlreadyPresent()
    {
        await using var portal = await TestPortal.StartAsync();
        // A fresh sandbox's first answer can outlast a compressed attempt timeout; a retried create would then meet its own 409.
        await portal.WarmUpAsync();
        var client = portal.Client();
        await client.Properties.CreateGroupAsync(CrmObjectTypes.Contacts, EngineGroup);
        // As if another run created each property between this run's read and its write.
        await portal.AddFaultAsync(new { route = "POST /crm/v3/properties/contacts", errorRates = new Dictionary<int, double> { [409] = 1.0 } });

        var result = await client.Properties.EnsureAsync(CrmObjectTypes.Contacts, EngineGroup, EngineProperties);

        result.GroupCreated.ShouldBeFalse();
        result.Created.ShouldBeEmpty();
        result.AlreadyPresent.ShouldBe(EngineProperties.Select(p => p.Name));
        (await portal.CountAsync("POST /crm/v3/properties/{type}", 409)).ShouldBe(EngineProperties.Length);
    }

    [Fact]
    public async Task CreateAsync_TypeAndFieldTypeThatDoNotPair_ThrowsValidationError()
    {
        await using var portal = await TestPortal.StartAsync();
        // A fresh sandbox's first answer can outlast a compressed attempt timeout; a retried create would then meet its own 409.
        await portal.WarmUpAsync();
        var client = portal.Client();
        await client.Properties.CreateGroupAsync(CrmObjectTypes.Contacts, EngineGroup);
        var invalid = new PropertyDefinition { Name = "abm_flag", Label = "ABM flag", Type = "bool", FieldType = "text", GroupName = "abm_engine" };

        var error = await Should.ThrowAsync<HubSpotApiException>(() => client.Properties.CreateAsync(CrmObjectTypes.Contacts, invalid));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        error.Category.ShouldBe("VALIDATION_ERROR");
        error.CorrelationId.ShouldNotBeNullOrEmpty();
        (await client.Properties.ListAsync(CrmObjectTypes.Contacts)).ShouldNotContain(p => p.Name == "abm_flag");
    }
}
