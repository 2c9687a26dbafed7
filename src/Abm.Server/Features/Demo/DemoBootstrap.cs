using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Imports;
using Abm.Server.Features.Provisioning;
using Abm.Server.Features.Sync;
using Abm.Server.Features.Workspaces;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Demo;

/// <summary>
/// Once the demo server listens, does what an operator would do after connecting a portal, through the product's own
/// code paths: provision the abm_* properties, sync (a full sync the first time, an incremental one after a restart),
/// import the sandbox's content catalogue, score every contact, score the leads against an ideal-client profile, make
/// the nurture templates active sequences (see <see cref="DemoProduct"/>), then let the buyers' live activity in (the sandbox's
/// event sink to the event API, its webhooks to the webhook receiver) and start the sandbox clock. Prints the address,
/// a new admin key and a new dashboard password on the console, the only place either ever appears in plain text.
/// </summary>
internal sealed partial class DemoBootstrap(
    DemoStatus demo, IConfiguration configuration, IServer server, IHostApplicationLifetime lifetime, IServiceScopeFactory scopes,
    HubSpotClients clients, DefaultWorkspace defaultWorkspace, TimeProvider clock, ILogger<DemoBootstrap> logger) : BackgroundService
{
    public const string AdminKeyName = "Demo key";
    public const string SinkKeyName = "Demo event sink";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Enabled || demo.SandboxUrl is not { } sandboxUrl)
        {
            return;
        }

        if (!await ListeningAsync(stoppingToken))
        {
            return;
        }

        try
        {
            var address = ServerAddress();
            using var sandbox = new HttpClient { BaseAddress = sandboxUrl };
            await PrepareAsync(sandbox, address, stoppingToken);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            demo.Problem = error.Message;
            LogFailed(error);
            Console.WriteLine($"abm demo: setting up the demo failed: {error.Message}");
        }
    }

    private async Task PrepareAsync(HttpClient sandbox, Uri address, CancellationToken cancellationToken)
    {
        var workspaceId = defaultWorkspace.Id;
        var client = await clients.GetAsync(workspaceId, cancellationToken)
            ?? throw new InvalidOperationException("The demo workspace has no connection to the sandbox.");
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<AbmDbContext>();

        await PropertyProvisioner.ProvisionAsync(client, cancellationToken);
        try
        {
            var run = await SyncAsync(services, client, workspaceId, cancellationToken);
            Console.WriteLine($"abm demo: {run.Kind} sync of the sandbox portal: {run.Records:N0} records");
        }
        catch (InvalidOperationException error)
        {
            // What was synced stays; the sync worker goes on from there on its schedule.
            demo.Problem = error.Message;
            Console.WriteLine($"abm demo: {error.Message}; the server syncs again every {configuration["Sync:IncrementalIntervalMinutes"] ?? "5"} minutes");
        }

        if (!await database.ContentItems.AnyAsync(cancellationToken))
        {
            var csv = await sandbox.GetStreamAsync($"/_sandbox/portals/{configuration["HUBSPOT_PORTAL_ID"]}/market/content?format=csv", cancellationToken);
            var report = await services.GetRequiredService<ContentImport>().ImportAsync(csv, Actor(workspaceId), cancellationToken);
            Console.WriteLine($"abm demo: content catalogue imported: {report.Created} items");
        }

        var scored = await services.GetRequiredService<SyncedContactScoring>().ScoreAsync(workspaceId, cancellationToken);
        // After a restart the scoring worker may already have taken what the sync queued: then nothing is left here.
        Console.WriteLine(scored.Contacts == 0
            ? "abm demo: every contact already has its score"
            : $"abm demo: scored {scored.Contacts:N0} contacts and {scored.Accounts:N0} accounts");

        var product = services.GetRequiredService<DemoProduct>();
        var (criteriaSets, leads) = await product.ScoreLeadsAsync(Actor(workspaceId), cancellationToken);
        Console.WriteLine(criteriaSets > 0
            ? $"abm demo: ideal-client profile imported ({criteriaSets} criteria set); leads scored: {leads.Scored:N0} ({leads.High:N0} high, {leads.Medium:N0} medium, {leads.Low:N0} low priority)"
            : $"abm demo: leads scored against the ideal-client profile: {leads.Scored:N0} not scored before");
        var sequences = await product.StartNurtureAsync(Actor(workspaceId), cancellationToken);
        if (sequences.Count > 0)
        {
            Console.WriteLine($"abm demo: nurture sequences active: {string.Join(", ", sequences)} (they enrol buyers as their triggers fire)");
        }

        var password = await product.RenewDashboardSignInAsync(workspaceId);
        var adminKey = await RotateKeyAsync(database, workspaceId, AdminKeyName, Roles.Admin, cancellationToken);
        var sinkKey = await RotateKeyAsync(database, workspaceId, SinkKeyName, Roles.Marketer, cancellationToken);
        await DemoLiveActivity.ConnectAsync(sandbox, configuration, address, sinkKey, cancellationToken);
        demo.ReadyAt = clock.GetUtcNow().UtcDateTime;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var uptime = clock.GetUtcNow() - process.StartTime.ToUniversalTime();

        Console.WriteLine($"""
            abm demo: READY {uptime.TotalSeconds:0} s after start. This is DEMO MODE: every contact, account and event comes from the built-in HubSpot sandbox (simulated buyers), not from a real portal.
            abm demo: dashboard  {address}   sign in as {DemoProduct.DashboardEmail} with password {password}   (admin; a new password at every start)
            abm demo: API        {address}
            abm demo: API key    {adminKey}   (admin of the demo workspace; shown once, stored only as a hash; a new one is issued at every start)
            abm demo: try        curl -H "Authorization: Bearer <the key above>" {address}api/demo
            abm demo: state      {DemoMode.Folder} (restart resumes it; 'abm demo --reset' starts over); set HUBSPOT_API_KEY to run on a real portal
            """);
    }

    private async Task<SyncRun> SyncAsync(IServiceProvider services, Abm.HubSpot.HubSpotClient client, Guid workspaceId, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<AbmDbContext>();
        var fullDone = await database.SyncRuns.AnyAsync(r => r.Kind == SyncKinds.Full && r.Status == SyncRunStatus.Succeeded, cancellationToken);
        var leases = services.GetRequiredService<PortalLeases>();
        // The sync worker may hold the portal for a moment; the demo waits for it rather than skipping the sync.
        while (!await leases.TryAcquireAsync(workspaceId, cancellationToken))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken);
        }

        try
        {
            var run = new SyncRun
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Kind = fullDone ? SyncKinds.Incremental : SyncKinds.Full,
                Trigger = "demo",
                StartedAt = clock.GetUtcNow().UtcDateTime,
            };
            run = await services.GetRequiredService<SyncRunner>().RunAsync(client, run, watcher: null, cancellationToken);
            return run.Status == SyncRunStatus.Succeeded ? run : throw new InvalidOperationException($"The demo's sync ended {run.Status}: {run.Error}");
        }
        finally
        {
            await leases.ReleaseAsync(workspaceId, CancellationToken.None);
        }
    }

    /// <summary>Revokes the key of the same name from the previous start and issues a new one, returned once.</summary>
    private async Task<string> RotateKeyAsync(AbmDbContext database, Guid workspaceId, string name, string role, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in await database.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null).ToListAsync(cancellationToken))
        {
            old.RevokedAt = now;
        }

        var (secret, prefix, hash) = ApiKeySecret.Generate();
        database.ApiKeys.Add(new ApiKey { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = name, Prefix = prefix, SecretHash = hash, Role = role, CreatedAt = now });
        await database.SaveChangesAsync(cancellationToken);
        return secret;
    }

    private async Task<bool> ListeningAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var stopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Where this server answers, as the sandbox (on the same machine) should call it.</summary>
    private Uri ServerAddress()
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var uri = new UriBuilder(bound.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static ClaimsPrincipal Actor(Guid workspaceId) => new(new ClaimsIdentity(
        [new Claim(AccessClaims.Workspace, workspaceId.ToString()), new Claim(AccessClaims.KeyId, "demo")], AccessClaims.Scheme));

    [LoggerMessage(Level = LogLevel.Error, Message = "Setting up the demo failed; the server runs on, with what was done so far")]
    private partial void LogFailed(Exception error);
}
