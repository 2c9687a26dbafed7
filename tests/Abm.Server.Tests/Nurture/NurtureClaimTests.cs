extern alias sandbox;

using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Nurture.Execution;
using Abm.Server.Features.Workspaces;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using sandbox::Abm.HubSpot.Sandbox.Hosting;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Nurture;

/// <summary>
/// Two server instances on one PostgreSQL database run one workspace's due enrolments at once, claiming with
/// FOR UPDATE SKIP LOCKED: both hold claims at the same time and every action reaches HubSpot exactly once.
/// </summary>
public sealed class NurtureClaimTests : IAsyncLifetime, IDisposable
{
    private const int Contacts = 80;
    private const int BatchSize = 7;

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
        settings["Nurture:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture); // many small batches, so the instances' claims interleave
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
        var (workspace, sequence) = await EnrolContactsAsync(Contacts);

        // Three runs at once on each instance: every batch races five others for the same enrolments.
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await Task.Yield();
            return await RunAsync(i % 2 == 0 ? _first : _second, workspace);
        }));

        runs.Sum(r => r.Done).ShouldBe(2 * Contacts);
        await EveryActionOnceAsync(sequence, Contacts);
    }

    /// <summary>
    /// The first instance claims a batch and holds its row locks (its claim's transaction stays open) while the second
    /// claims: with FOR UPDATE SKIP LOCKED the second does not wait for the first but takes the next due enrolments at
    /// once, so both hold claims at the same time and no enrolment is in both. (A plain FOR UPDATE would block the
    /// second claim until the first commits, and the test's cancellation would fail it.) Both batches then run side by
    /// side, the rest is run to the end, and every action reached HubSpot exactly once.
    /// </summary>
    [PostgresFact]
    public async Task Claim_SecondInstanceWhileFirstHoldsItsLocks_SkipsThemAndBothBatchesActOnce()
    {
        const int contacts = 20;
        var (workspace, sequence) = await EnrolContactsAsync(contacts);
        await using var firstScope = _first.Service<NurtureRunner>().Scope(workspace);
        await using var secondScope = _second.Service<NurtureRunner>().Scope(workspace);
        var firstDatabase = firstScope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var now = _first.Service<TimeProvider>().GetUtcNow().UtcDateTime;

        List<NurtureEnrollment> firstBatch, secondBatch;
        await using (var holding = await firstDatabase.Database.BeginTransactionAsync())
        {
            firstBatch = await firstScope.ServiceProvider.GetRequiredService<DueEnrollments>().ClaimAsync(now, CancellationToken.None);
            using var notBlocked = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            secondBatch = await secondScope.ServiceProvider.GetRequiredService<DueEnrollments>().ClaimAsync(now, notBlocked.Token);
            await holding.CommitAsync();
        }

        firstBatch.Count.ShouldBe(BatchSize);
        secondBatch.Count.ShouldBe(BatchSize);
        firstBatch.Select(e => e.Id).Intersect(secondBatch.Select(e => e.Id)).ShouldBeEmpty();
        var settled = await Task.WhenAll(
            ActOnBatchAsync(_first, firstScope, firstBatch), ActOnBatchAsync(_second, secondScope, secondBatch));
        settled.ShouldAllBe(done => done == BatchSize);

        var rest = await Task.WhenAll(RunAsync(_first, workspace), RunAsync(_second, workspace));
        (settled.Sum() + rest.Sum(r => r.Done)).ShouldBe(2 * contacts);
        await EveryActionOnceAsync(sequence, contacts);
    }

    private static async Task<int> ActOnBatchAsync(AbmServerFactory server, AsyncServiceScope scope, List<NurtureEnrollment> batch)
    {
        var hubSpot = (await server.Service<HubSpotClients>().ConnectedAsync(CancellationToken.None)).Single().Client;
        var pending = await scope.ServiceProvider.GetRequiredService<ActionPlanner>().PlanAsync(batch, CancellationToken.None);
        var outcomes = await scope.ServiceProvider.GetRequiredService<ActionPerformer>().PerformAsync(hubSpot, pending, CancellationToken.None);
        return (await scope.ServiceProvider.GetRequiredService<ActionSettler>().SettleAsync(outcomes, CancellationToken.None)).Done;
    }

    private static async Task<NurtureRunSummary> RunAsync(AbmServerFactory server, Guid workspace)
    {
        var hubSpot = (await server.Service<HubSpotClients>().ConnectedAsync(CancellationToken.None)).Single().Client;
        return await server.Service<NurtureRunner>().RunAsync(workspace, hubSpot, CancellationToken.None);
    }

    /// <summary>A send-then-task sequence with <paramref name="count"/> of the portal's contacts enrolled; the sandbox's counters reset.</summary>
    private async Task<(Guid Workspace, Guid Sequence)> EnrolContactsAsync(int count)
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
        var page = await _hubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts?limit={count}&properties=email");
        var ids = new List<Guid>();
        foreach (var record in page.GetProperty("results").EnumerateArray())
        {
            ids.Add((await ContactAsync(_first, workspace, record.GetProperty("properties").GetProperty("email").GetString(), hubSpotId: record.GetProperty("id").GetString())).Id);
        }

        (await EnrollAsync(client, new { sequenceId = sequence, contactIds = ids })).Enrolled.ShouldBe(count);
        (await _hubSpot.DeleteAsync("/_sandbox/counters")).EnsureSuccessStatusCode();
        return (workspace, sequence);
    }

    /// <summary>The sandbox saw one send and one task per contact, and the action log has every action done on its first try.</summary>
    private async Task EveryActionOnceAsync(Guid sequence, int count)
    {
        var counters = (await _hubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/counters")).GetProperty("results").EnumerateArray().ToList();
        Calls(counters, "POST /marketing/v3/transactional/single-email/send").ShouldBe(count, "send calls");
        var sends = (await _hubSpot.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{_sandbox.Portals[0].PortalId}/transactional-emails")).GetProperty("results").EnumerateArray().ToList();
        sends.Select(s => s.GetProperty("to").GetString()).Distinct().Count().ShouldBe(count);
        var tasks = (await _hubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/tasks?limit=100&properties=hs_task_body")).GetProperty("results").EnumerateArray()
            .Select(t => t.GetProperty("properties").GetProperty("hs_task_body").GetString()!).Where(b => b.Contains("abmaction", StringComparison.Ordinal)).ToList();
        tasks.Count.ShouldBe(count, "tasks created");
        tasks.Distinct().Count().ShouldBe(count);
        await using var database = _first.OpenDatabase();
        var actions = await database.NurtureActions.IgnoreQueryFilters().Where(a => a.SequenceId == sequence).ToListAsync();
        actions.Count.ShouldBe(2 * count);
        actions.ShouldAllBe(a => a.Status == "done" && a.Attempts == 1);
        (await database.NurtureEnrollments.IgnoreQueryFilters().CountAsync(e => e.SequenceId == sequence && e.Status == "completed")).ShouldBe(count);
    }

    private static long Calls(List<JsonElement> counters, string route) =>
        counters.Where(c => c.GetProperty("route").GetString() == route).Sum(c => c.GetProperty("count").GetInt64());
}
