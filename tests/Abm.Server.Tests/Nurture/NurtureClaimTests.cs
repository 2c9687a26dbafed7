extern alias sandbox;

using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Nurture.Execution;
using Abm.Server.Features.Workspaces;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;
using sandbox::Abm.HubSpot.Sandbox.Hosting;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Nurture;

/// <summary>Two server instances on one PostgreSQL database run one workspace's due enrolments at once: every action reaches HubSpot exactly once.</summary>
public sealed class NurtureClaimTests : IAsyncLifetime, IDisposable
{
    private const int Contacts = 80;

    private SandboxHost _sandbox = null!;
    private AbmServerFactory _first = null!;
    private AbmServerFactory _second = null!;
    private HttpClient _hubSpot = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 31, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 60 }] });
        _hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        _hubSpot.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _sandbox.Portals[0].AccessToken);
        var settings = NurtureSandbox.Settings(_sandbox);
        settings["Nurture:BatchSize"] = "7"; // many small batches, so the instances' claims interleave
        _first = await AbmServerFactory.StartAsync(settings);
        _second = AbmServerFactory.StartBeside(_first, settings);
    }

    public void Dispose() => _hubSpot.Dispose();

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [PostgresFact]
    public async Task Run_TwoInstancesAtOnce_ExecuteEveryDueActionExactlyOnce()
    {
        var workspace = _first.Service<DefaultWorkspace>().Id;
        var client = _first.OperatorClient();
        var content = await client.PostAsJsonAsync("/api/content", new { title = "Claim guide", contentType = "whitepaper", url = "https://example.com/claim" });
        var item = (await content.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Two instances", "guardrails": { "respectQuietHours": false, "skipWeekends": false, "maxTouchesPerAccountPerDay": 500 },
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" },
                         { "id": "task", "type": "create_task", "title": "Follow up", "owner": { "kind": "contact_owner" }, "priority": "LOW", "dueInDays": 3 } ] }
            """);
        var page = await _hubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts?limit={Contacts}&properties=email");
        var ids = new List<Guid>();
        foreach (var record in page.GetProperty("results").EnumerateArray())
        {
            ids.Add((await ContactAsync(_first, workspace, record.GetProperty("properties").GetProperty("email").GetString(), hubSpotId: record.GetProperty("id").GetString())).Id);
        }

        (await EnrollAsync(client, new { sequenceId = sequence, contactIds = ids })).Enrolled.ShouldBe(Contacts);
        (await _hubSpot.DeleteAsync("/_sandbox/counters")).EnsureSuccessStatusCode();

        // Three runs at once on each instance: every batch races five others for the same enrolments.
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await Task.Yield();
            var server = i % 2 == 0 ? _first : _second;
            var hubSpot = (await server.Service<HubSpotClients>().ConnectedAsync(CancellationToken.None)).Single().Client;
            return await server.Service<NurtureRunner>().RunAsync(workspace, hubSpot, CancellationToken.None);
        }));

        runs.Sum(r => r.Done).ShouldBe(2 * Contacts);
        var counters = (await _hubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/counters")).GetProperty("results").EnumerateArray().ToList();
        Calls(counters, "POST /marketing/v3/transactional/single-email/send").ShouldBe(Contacts, "send calls");
        var sends = (await _hubSpot.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{_sandbox.Portals[0].PortalId}/transactional-emails")).GetProperty("results").EnumerateArray().ToList();
        sends.Select(s => s.GetProperty("to").GetString()).Distinct().Count().ShouldBe(Contacts);
        var tasks = (await _hubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/tasks?limit=100&properties=hs_task_body")).GetProperty("results").EnumerateArray()
            .Select(t => t.GetProperty("properties").GetProperty("hs_task_body").GetString()!).Where(b => b.Contains("abmaction", StringComparison.Ordinal)).ToList();
        tasks.Count.ShouldBe(Contacts, "tasks created");
        tasks.Distinct().Count().ShouldBe(Contacts);
        await using var database = _first.OpenDatabase();
        var actions = await database.NurtureActions.IgnoreQueryFilters().Where(a => a.SequenceId == sequence).ToListAsync();
        actions.Count.ShouldBe(2 * Contacts);
        actions.ShouldAllBe(a => a.Status == "done" && a.Attempts == 1);
        (await database.NurtureEnrollments.IgnoreQueryFilters().CountAsync(e => e.SequenceId == sequence && e.Status == "completed")).ShouldBe(Contacts);
    }

    private static long Calls(List<JsonElement> counters, string route) =>
        counters.Where(c => c.GetProperty("route").GetString() == route).Sum(c => c.GetProperty("count").GetInt64());
}
