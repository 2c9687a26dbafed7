using System.Net.Http.Json;
using Abm.Server.Features.Live;
using Abm.Server.Features.Workspaces;
using Abm.Testing;

namespace Abm.Server.Tests.Live;

/// <summary>Two server instances on one PostgreSQL database: a notice raised on one reaches the other's subscribers through LISTEN/NOTIFY.</summary>
public sealed class LiveRelayTests : IAsyncLifetime
{
    private AbmServerFactory _first = null!;
    private AbmServerFactory _second = null!;

    public async Task InitializeAsync()
    {
        _first = await AbmServerFactory.StartAsync();
        _second = AbmServerFactory.StartBeside(_first);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [PostgresFact]
    public async Task Publish_OnOneInstance_ReachesSubscribersOnTheOtherOnceAndNotTwiceOnItsOwn()
    {
        await Task.WhenAll(_first.Service<PostgresLiveRelay>().Listening, _second.Service<PostgresLiveRelay>().Listening);
        var workspace = Guid.NewGuid();
        var (firstHub, secondHub) = (_first.Service<LiveHub>(), _second.Service<LiveHub>());
        using var onFirst = new LiveNoticeCollector(firstHub, workspace, LiveKinds.All.ToArray());
        using var onSecond = new LiveNoticeCollector(secondHub, workspace, LiveKinds.All.ToArray());

        firstHub.Publish(workspace, LiveKinds.Nurture);
        var arrived = await onSecond.WaitForAsync(n => n.Kind == LiveKinds.Nurture);
        arrived.Origin.ShouldBe(firstHub.InstanceId);

        // The second answers; PostgreSQL delivers in commit order, so once its answer reaches the first, the first's
        // own echo has been received (and must have been ignored).
        secondHub.Publish(workspace, LiveKinds.Sync);
        await onFirst.WaitForAsync(n => n.Kind == LiveKinds.Sync);
        onFirst.Received.Count(n => n.Kind == LiveKinds.Nurture).ShouldBe(1);
        onSecond.Received.Count(n => n.Kind == LiveKinds.Nurture).ShouldBe(1);
    }

    [PostgresFact]
    public async Task EventsPostedToOneInstance_ReachAPageSubscribedOnTheOther()
    {
        await Task.WhenAll(_first.Service<PostgresLiveRelay>().Listening, _second.Service<PostgresLiveRelay>().Listening);
        var workspace = _first.Service<DefaultWorkspace>().Id;
        var contact = await _first.SeedContactAsync(workspace);
        using var onSecond = new LiveNoticeCollector(_second.Service<LiveHub>(), workspace, LiveKinds.Events);

        (await _first.OperatorClient().PostAsJsonAsync("/api/events", new { events = new[] { new { type = "email_open", occurredAt = TimeProvider.System.GetUtcNow().AddMinutes(-5), contactHubSpotId = contact.HubSpotId } } }))
            .EnsureSuccessStatusCode();

        (await onSecond.WaitForAsync(n => n.Kind == LiveKinds.Events)).Origin.ShouldBe(_first.Service<LiveHub>().InstanceId);
    }
}
