extern alias sandbox;

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Nurture.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests.Nurture;

/// <summary>
/// A sandbox portal (buyers not simulated, so nothing but the engine acts) and a server connected to it whose nurture
/// worker does not tick: tests run the nurture passes themselves. Local contacts are copies of the portal's contacts,
/// each test taking fresh ones.
/// </summary>
public sealed class NurtureSandbox : IAsyncLifetime
{
    public const long EmailId = 4242;

    private ConnectedPortal _portal = null!;

    public SandboxHost Sandbox => _portal.Sandbox;

    public AbmServerFactory Server => _portal.Server;

    public HttpClient HubSpot => _portal.HubSpot;

    public Guid Workspace { get; private set; }

    public long PortalId => _portal.PortalId;

    public async Task InitializeAsync()
    {
        _portal = await ConnectedPortal.StartAsync(seed: 29, accounts: 60, Settings);
        Workspace = _portal.Workspace;
    }

    public static Dictionary<string, string> Settings(SandboxHost sandbox) =>
        ConnectedPortal.Settings(sandbox, ("Nurture:TransactionalEmailId", EmailId.ToString(CultureInfo.InvariantCulture)));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>A local contact that is one of the portal's contacts (same HubSpot id and email), not used by another test.</summary>
    public Task<Contact> PortalContactAsync(string properties = "{}", Guid? companyId = null, string? ownerId = null) =>
        _portal.PortalContactAsync(properties, companyId, ownerId);

    public HttpClient Marketer() => Server.OperatorClient();

    /// <summary>One run of the workspace's due enrolments, as the worker does it.</summary>
    internal async Task<NurtureRunSummary> RunAsync() =>
        await Server.Service<NurtureRunner>().RunAsync(Workspace, await ClientAsync(), CancellationToken.None);

    /// <summary>The read-back of task completions a sync runs beside its pages.</summary>
    internal Task<int> PullTaskCompletionsAsync() => InWorkspaceAsync<TaskCompletionPull>((pull, client) => pull.PullAsync(client, CancellationToken.None));

    /// <summary>The read of watched HubSpot lists a sync runs beside its pages (<c>list_joined</c> triggers).</summary>
    internal Task<int> PullListJoinsAsync() => InWorkspaceAsync<ListJoinPull>((pull, client) => pull.PullAsync(client, CancellationToken.None));

    private async Task<int> InWorkspaceAsync<TPart>(Func<TPart, Abm.HubSpot.HubSpotClient, Task<int>> part)
        where TPart : notnull
    {
        var client = await ClientAsync();
        await using var scope = Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(Workspace);
        return await part(scope.ServiceProvider.GetRequiredService<TPart>(), client);
    }

    public Task<Abm.HubSpot.HubSpotClient> ClientAsync() => _portal.ClientAsync();

    /// <summary>Every transactional send the portal accepted (a repeated sendId is not a send).</summary>
    public async Task<List<JsonElement>> SendsAsync() =>
        [.. (await HubSpot.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{PortalId}/transactional-emails")).GetProperty("results").EnumerateArray()];

    /// <summary>The portal's tasks whose body carries <paramref name="marker"/>.</summary>
    public async Task<List<JsonElement>> TasksAsync(string marker)
    {
        var page = await HubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/tasks?limit=100&properties=hs_task_body,hs_task_priority,hs_task_subject");
        return [.. page.GetProperty("results").EnumerateArray().Where(t => t.GetProperty("properties").GetProperty("hs_task_body").GetString()?.Contains(marker, StringComparison.Ordinal) == true)];
    }

    /// <summary>Makes the enrolment due now, as it is once a crashed instance's claim lapses.</summary>
    public async Task ExpireClaimAsync(Guid enrollmentId)
    {
        await using var database = Server.OpenDatabase();
        var enrollment = await database.NurtureEnrollments.IgnoreQueryFilters().SingleAsync(e => e.Id == enrollmentId);
        enrollment.NextActionDue = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1);
        await database.SaveChangesAsync();
    }
}
