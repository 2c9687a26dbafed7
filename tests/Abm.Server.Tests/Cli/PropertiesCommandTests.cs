extern alias sandbox;

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests.Cli;

/// <summary><c>abm properties provision</c> as a real process against the HubSpot sandbox over HTTP.</summary>
public sealed class PropertiesCommandTests : IAsyncLifetime
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("abm-properties-").FullName;
    private SandboxHost _sandbox = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 3, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 1 }] });
        _database = await TestDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workingDirectory, recursive: true);
    }

    [Fact]
    public async Task Provision_TwiceThenWithARefusedToken_CreatesEveryPropertyThenFindsThemPresentThenExitsSayingWhy()
    {
        var first = await RunAsync(_sandbox.Portals[0].AccessToken);
        var second = await RunAsync(_sandbox.Portals[0].AccessToken);
        var refused = await RunAsync("pat-na1-not-a-real-token");

        first.ExitCode.ShouldBe(0, first.Output + first.Error);
        first.Output.ShouldContain("contacts: created abm_journey_stage");
        first.Output.ShouldContain("(group abm_engine created)");
        second.ExitCode.ShouldBe(0, second.Output + second.Error);
        second.Output.ShouldContain("contacts: created none; already present abm_journey_stage");
        using var hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.Portals[0].AccessToken);
        (await hubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/properties/companies/abm_engagement_velocity")).GetProperty("groupName").GetString().ShouldBe("abm_engine");
        await using (var database = new AbmDbContext(_database.Target.ContextOptions()))
        {
            // Audited as the executable, once per run that reached HubSpot: what the first created, that the second created nothing.
            var audited = await database.AuditLog.IgnoreQueryFilters().Where(a => a.Action == "hubspot.properties_provisioned").OrderBy(a => a.OccurredAt).ToListAsync();
            audited.Count.ShouldBe(2);
            audited.ShouldAllBe(a => a.Actor == "cli" && a.Source!.StartsWith("machine ", StringComparison.Ordinal));
            audited[0].Details!.ShouldContain("abm_journey_stage");
            using var nothingCreated = JsonDocument.Parse(audited[1].Details!);
            nothingCreated.RootElement.GetProperty("contacts").GetArrayLength().ShouldBe(0);
            nothingCreated.RootElement.GetProperty("companies").GetArrayLength().ShouldBe(0);
        }

        refused.ExitCode.ShouldBe(2, refused.Output + refused.Error);
        refused.Error.Trim().ShouldNotContain('\n', customMessage: refused.Error);
        refused.Error.ShouldNotContain("pat-na1-not-a-real-token", customMessage: "a token never reaches the output");
    }

    private Task<AbmProcess.Outcome> RunAsync(string token) => AbmProcess.RunAsync(_workingDirectory, new Dictionary<string, string>
    {
        ["DATABASE_URL"] = AbmProcess.DatabaseUrl(_database.Target),
        ["HUBSPOT_API_KEY"] = token,
        ["HUBSPOT_BASE_URL"] = _sandbox.BaseUrl,
        ["HUBSPOT_PORTAL_ID"] = _sandbox.Portals[0].PortalId.ToString(CultureInfo.InvariantCulture),
        ["HubSpot__Retries__MaxRetryAttempts"] = "0",
    }, "properties", "provision");
}
