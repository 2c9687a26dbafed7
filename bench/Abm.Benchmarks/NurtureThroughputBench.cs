extern alias sandbox;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Nurture.Execution;
using Abm.Server.Features.Sync;
using Abm.Server.Features.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Benchmarks;

/// <summary>
/// The nurture worker at the rate limit of a Professional portal (190 calls per 10 s): a backlog of due enrolments
/// whose step creates a sales task (tasks go 100 to a batch call), and one of emails (one call each), run by the
/// worker's own path (claim, plan, perform, settle) in process; before them, kill -9 trials: the real <c>abm nurture run --once</c> process killed mid-batch on a
/// send-then-task sequence, a second run finishing the work, and the sandbox's sends and tasks counted per contact.
/// </summary>
internal static class NurtureThroughputBench
{
    private const double CeilingCallsPerSecond = 19; // 190 per 10 s, Professional
    private const int TasksPerCall = 100;
    private const long EmailId = 4242;

    // args: "--enrolments N" (default 100,000), "--contacts N" (default 2,000: enrolments are spread over
    // enrolments / contacts sequences), "--kill-trials N" (default 20), "--trial-size N" (default 100), "--sends N" (default
    // 1,000 contacts sent one email each).
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var enrolments = Option(args, "--enrolments") ?? 100_000;
        var contacts = Math.Min(enrolments, Option(args, "--contacts") ?? 2_000);
        var trials = Option(args, "--kill-trials") ?? 20;
        var trialSize = Option(args, "--trial-size") ?? 100;
        var sends = Option(args, "--sends") ?? 1_000;
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Seed = 17, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = Math.Max(30, (contacts + (trials * trialSize) + sends) / 12) }],
        });
        var portal = sandbox.Portals[0];
        var operatorKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var settings = new Dictionary<string, string>
        {
            ["HUBSPOT_API_KEY"] = portal.AccessToken, ["HUBSPOT_BASE_URL"] = sandbox.BaseUrl,
            ["HUBSPOT_PORTAL_ID"] = portal.PortalId.ToString(CultureInfo.InvariantCulture), ["HUBSPOT_TIER"] = "professional",
            ["Sync:IncrementalIntervalMinutes"] = "0", ["WriteBack:IntervalSeconds"] = "3600",
            ["Nurture:IntervalSeconds"] = "0", ["Nurture:TransactionalEmailId"] = EmailId.ToString(CultureInfo.InvariantCulture),
            ["Nurture:ClaimSeconds"] = "10", // a killed run's claims lapse quickly
            // Lead scoring would push HIGH tasks after the sync, taking the portal's lease (which the trials' runs
            // need) and calls from the rate limit being measured.
            ["Leads:AutoScoreIntervalSeconds"] = "0",
        };
        await using var server = await BenchServer.StartAsync("nurture-throughput", operatorKey, TimeProvider.System, settings.Select(s => $"--{s.Key}={s.Value}"));
        var services = server.App.Services;
        var workspace = services.GetRequiredService<DefaultWorkspace>().Id;
        var client = (await services.GetRequiredService<HubSpotClients>().ConnectedAsync(CancellationToken.None)).Single().Client;
        using var admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        using var api = new HttpClient { BaseAddress = server.Address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", operatorKey);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sandbox portal (professional) and server on {services.GetRequiredService<DatabaseTarget>()}, {Environment.ProcessorCount} cores; batch size {services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NurtureOptions>>().Value.BatchSize}"));
        await SyncAsync(services, workspace, client);
        var local = await ContactsAsync(services, workspace);
        output.WriteLine($"synced {local.Count:N0} contacts");

        // The trials first, while the portal's task list is short enough to read back.
        using var hubSpot = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        hubSpot.DefaultRequestHeaders.Authorization = new("Bearer", portal.AccessToken);
        await KillTrialsAsync(output, server, settings, api, admin, hubSpot, local.Skip(contacts).Take(trials * trialSize).ToList(), trials, trialSize, portal.PortalId);
        var item = await ContentAsync(api);
        await ThroughputAsync(output, "tasks", """
            { "name": "Throughput {n}", "steps": [
              { "id": "task", "type": "create_task", "title": "Follow up", "owner": { "kind": "contact_owner" }, "priority": "LOW", "dueInDays": 3 },
              { "id": "done", "type": "end" } ] }
            """, TasksPerCall, services, api, admin, workspace, client, local.Take(contacts).ToList(), enrolments);
        // Emails go one call each, with the subscription check before each (two calls a send).
        await ThroughputAsync(output, "emails", $$"""
            { "name": "Throughput {n}", "guardrails": { "respectQuietHours": false, "skipWeekends": false, "maxTouchesPerAccountPerDay": 500 },
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" }, { "id": "done", "type": "end" } ] }
            """, 0.5, services, api, admin, workspace, client, local.Skip(contacts + (trials * trialSize)).Take(sends).ToList(), sends);
    }

    /// <summary>
    /// Enrols <paramref name="enrolments"/> into copies of <paramref name="document"/> (one per <paramref name="contacts"/>.Count
    /// enrolments), all due now, and times one run of the worker's path over them.
    /// </summary>
    private static async Task ThroughputAsync(
        TextWriter output, string what, string document, double actionsPerCall, IServiceProvider services, HttpClient api, HttpClient admin, Guid workspace,
        Abm.HubSpot.HubSpotClient client, List<Guid> contacts, int enrolments)
    {
        var sequences = new List<Guid>();
        for (var enrolled = 0; enrolled < enrolments; enrolled += contacts.Count)
        {
            var sequence = await ActiveSequenceAsync(api, document.Replace("{n}", $"{what} {sequences.Count}", StringComparison.Ordinal));
            await EnrolAsync(api, sequence, contacts.Take(enrolments - enrolled).ToList());
            sequences.Add(sequence);
        }

        await admin.DeleteAsync("/_sandbox/counters");
        var clock = Stopwatch.StartNew();
        var run = await services.GetRequiredService<NurtureRunner>().RunAsync(workspace, client, CancellationToken.None);
        var elapsed = clock.Elapsed.TotalSeconds;
        var calls = await CallsAsync(admin);
        await using var scope = Scope(services, workspace);
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var latencies = await database.NurtureActions.AsNoTracking().Where(a => sequences.Contains(a.SequenceId) && a.CompletedAt != null)
            .Join(database.NurtureEnrollments, a => a.EnrollmentId, e => e.Id, (a, e) => new { a.CompletedAt, e.EnrolledAt }).ToListAsync();
        var seconds = latencies.Select(l => (l.CompletedAt!.Value - l.EnrolledAt).TotalSeconds).Order().ToList();
        var actionsPerSecond = run.Done / elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {enrolments:N0} due enrolments over {sequences.Count} sequences, {run.Done:N0} actions done ({run.Skipped} skipped, {run.Retrying} retrying, {run.Parked} parked), {run.Batches:N0} batches, {elapsed:F1} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {actionsPerSecond:N1} actions/s = {actionsPerSecond / (CeilingCallsPerSecond * actionsPerCall):P0} of the ceiling ({CeilingCallsPerSecond} calls/s x {actionsPerCall} a call); {calls:N0} calls = {calls / elapsed:F1} calls/s = {calls / elapsed / CeilingCallsPerSecond:P0} of {CeilingCallsPerSecond} calls/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  due to executed (all due at once): p50 {Percentile(seconds, 0.5):F1} s, p95 {Percentile(seconds, 0.95):F1} s, max {Percentile(seconds, 1):F1} s"));
    }

    private static async Task KillTrialsAsync(
        TextWriter output, BenchServer server, Dictionary<string, string> settings, HttpClient api, HttpClient admin, HttpClient hubSpot,
        List<Guid> contacts, int trials, int trialSize, long portalId)
    {
        var item = await ContentAsync(api);
        var services = server.App.Services;
        var target = services.GetRequiredService<DatabaseTarget>();
        var environment = new Dictionary<string, string>(settings.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value)))
        {
            ["Database__Provider"] = target.Provider == DatabaseProvider.PostgreSql ? "postgres" : "sqlite",
            ["ConnectionStrings__Abm"] = target.ConnectionString,
            ["DataProtection__KeysPath"] = Path.Combine(server.Scratch, "keys"),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        int killedMidBatch = 0, doubleSends = 0, lostSends = 0, doubleTasks = 0, lostTasks = 0;
        trials = Math.Min(trials, contacts.Count / trialSize);
        for (var trial = 0; trial < trials; trial++)
        {
            var sequence = await ActiveSequenceAsync(api, $$"""
                { "name": "Kill trial {{trial}}", "guardrails": { "respectQuietHours": false, "skipWeekends": false, "maxTouchesPerAccountPerDay": 500 },
                  "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" },
                             { "id": "task", "type": "create_task", "title": "Kill trial {{trial}}", "owner": { "kind": "contact_owner" }, "priority": "LOW", "dueInDays": 3 } ] }
                """);
            var mine = contacts.Skip(trial * trialSize).Take(trialSize).ToList();
            await EnrolAsync(api, sequence, mine);
            var before = await SendsAsync(admin, portalId);

            // Killed once some of the trial's sends are in, a different number each trial.
            var killAfter = 1 + (trial * 7 % (trialSize / 2));
            using (var first = AbmExecutable.Start(environment, "nurture", "run", "--once"))
            {
                while (!first.HasExited && (await SendsAsync(admin, portalId)).Count - before.Count < killAfter)
                {
                    await Task.Delay(20);
                }

                killedMidBatch += first.HasExited ? 0 : 1;
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }

            // The killed run's claims lapse after Nurture:ClaimSeconds; runs go on until every enrolment completed.
            while (await ActiveAsync(services, sequence) > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                await AbmExecutable.RunToEndAsync(environment, "nurture", "run", "--once");
            }

            var emails = (await SendsAsync(admin, portalId)).Skip(before.Count).GroupBy(s => s.GetProperty("to").GetString()).ToList();
            doubleSends += emails.Sum(g => g.Count() - 1);
            lostSends += trialSize - emails.Count;
        }

        // Each task's body carries its action's marker: one task per marker and one marker per contact of a trial.
        var tasks = await TaskBodiesAsync(hubSpot);
        for (var trial = 0; trial < trials; trial++)
        {
            var markers = tasks.Where(t => t.Subject == $"Kill trial {trial}").GroupBy(t => t.Body).ToList();
            doubleTasks += markers.Sum(g => g.Count() - 1);
            lostTasks += trialSize - markers.Count;
        }

        output.WriteLine($"kill -9 trials: {trials} ({trialSize} contacts each, send then task), {killedMidBatch} killed mid-run; double sends {doubleSends}, lost sends {lostSends}, double tasks {doubleTasks}, lost tasks {lostTasks}");
    }

    private static async Task<Guid> ContentAsync(HttpClient api)
    {
        using var created = await api.PostAsJsonAsync("/api/content", new { title = $"Bench guide {Guid.NewGuid():N}", contentType = "whitepaper", url = $"https://example.com/bench/{Guid.NewGuid():N}" });
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task SyncAsync(IServiceProvider services, Guid workspace, Abm.HubSpot.HubSpotClient client)
    {
        await using var scope = Scope(services, workspace);
        var run = await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(client, new SyncRun
        {
            Id = Guid.CreateVersion7(), WorkspaceId = workspace, Kind = SyncKinds.Full, Trigger = "cli", StartedAt = DateTime.UnixEpoch,
        }, null, CancellationToken.None);
        if (run.Status != SyncRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The sync ended {run.Status}: {run.Error}");
        }

        // The sync took the portal's lease for this process; the kill trials' `abm nurture run --once` needs it.
        await scope.ServiceProvider.GetRequiredService<PortalLeases>().ReleaseAsync(workspace, CancellationToken.None);
    }

    private static async Task<List<Guid>> ContactsAsync(IServiceProvider services, Guid workspace)
    {
        await using var scope = Scope(services, workspace);
        return await scope.ServiceProvider.GetRequiredService<AbmDbContext>().Contacts.AsNoTracking()
            .Where(c => c.Email != null && c.OwnerHubSpotId != null).OrderBy(c => c.HubSpotId).Select(c => c.Id).ToListAsync();
    }

    private static async Task<int> ActiveAsync(IServiceProvider services, Guid sequence)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AbmDbContext>().NurtureEnrollments.IgnoreQueryFilters()
            .CountAsync(e => e.SequenceId == sequence && e.Status == "active");
    }

    private static AsyncServiceScope Scope(IServiceProvider services, Guid workspace)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
        return scope;
    }

    private static async Task<Guid> ActiveSequenceAsync(HttpClient api, string document)
    {
        using var created = await api.PostAsync("/api/nurture/sequences", new StringContent(document, System.Text.Encoding.UTF8, "application/json"));
        var body = await created.Content.ReadAsStringAsync();
        var id = created.IsSuccessStatusCode ? JsonSerializer.Deserialize<JsonElement>(body).GetProperty("id").GetGuid() : throw new InvalidOperationException(body);
        (await api.PostAsync($"/api/nurture/sequences/{id}/activate", null)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task EnrolAsync(HttpClient api, Guid sequence, List<Guid> contacts)
    {
        using var response = await api.PostAsJsonAsync("/api/nurture/enrollments", new { sequenceId = sequence, contactIds = contacts });
        var body = await response.Content.ReadAsStringAsync();
        var enrolled = response.IsSuccessStatusCode ? JsonSerializer.Deserialize<JsonElement>(body).GetProperty("enrolled").GetInt32() : -1;
        if (enrolled != contacts.Count)
        {
            throw new InvalidOperationException($"Enrolled {enrolled} of {contacts.Count}: {body}");
        }
    }

    private static async Task<List<JsonElement>> SendsAsync(HttpClient admin, long portalId) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{portalId}/transactional-emails")).GetProperty("results").EnumerateArray()];

    /// <summary>Every task of the portal: subject and body.</summary>
    private static async Task<List<(string? Subject, string? Body)>> TaskBodiesAsync(HttpClient hubSpot)
    {
        var bodies = new List<(string? Subject, string? Body)>();
        string? after = null;
        do
        {
            var page = await hubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/tasks?limit=100&properties=hs_task_subject,hs_task_body{(after is null ? "" : $"&after={after}")}");
            bodies.AddRange(page.GetProperty("results").EnumerateArray().Select(t => t.GetProperty("properties"))
                .Select(p => (p.GetProperty("hs_task_subject").GetString(), p.GetProperty("hs_task_body").GetString())));
            after = page.TryGetProperty("paging", out var paging) ? paging.GetProperty("next").GetProperty("after").GetString() : null;
        }
        while (after is not null);
        return bodies;
    }

    private static async Task<long> CallsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/_sandbox/counters")).GetProperty("results").EnumerateArray().Sum(c => c.GetProperty("count").GetInt64());

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Ceiling(sorted.Count * p) - 1];

    private static int? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
}
