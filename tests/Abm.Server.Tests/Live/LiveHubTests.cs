using System.Net.Http.Json;
using Abm.Server.Features.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Server.Tests.Live;

/// <summary>The in-process hub: a notice reaches the subscribers of its workspace and kind only; features raise them.</summary>
public sealed class LiveHubTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public void Publish_ReachesSubscribersOfItsWorkspaceAndKindOnly_UntilDisposed()
    {
        var hub = new LiveHub(NullLogger<LiveHub>.Instance);
        var (mine, other) = (Guid.NewGuid(), Guid.NewGuid());
        var scores = new List<LiveNotice>();
        var anyKind = new List<LiveNotice>();
        var otherWorkspace = new List<LiveNotice>();
        var subscription = hub.Subscribe(mine, [LiveKinds.Scores], scores.Add);
        using var all = hub.Subscribe(mine, LiveKinds.All.ToList(), anyKind.Add);
        using var elsewhere = hub.Subscribe(other, LiveKinds.All.ToList(), otherWorkspace.Add);

        hub.Publish(mine, LiveKinds.Scores);
        hub.Publish(mine, LiveKinds.Events);
        subscription.Dispose();
        hub.Publish(mine, LiveKinds.Scores);

        scores.Select(n => n.Kind).ShouldBe([LiveKinds.Scores]);
        anyKind.Select(n => n.Kind).ShouldBe([LiveKinds.Scores, LiveKinds.Events, LiveKinds.Scores]);
        anyKind.ShouldAllBe(n => n.WorkspaceId == mine && n.Origin == hub.InstanceId);
        otherWorkspace.ShouldBeEmpty();
    }

    [Fact]
    public void DeliverRemote_OwnNoticeEchoedBack_IsNotDeliveredTwice()
    {
        var hub = new LiveHub(NullLogger<LiveHub>.Instance);
        var workspace = Guid.NewGuid();
        var received = new List<LiveNotice>();
        using var subscription = hub.Subscribe(workspace, [LiveKinds.Sync], received.Add);

        hub.DeliverRemote(new LiveNotice(workspace, LiveKinds.Sync, hub.InstanceId));
        hub.DeliverRemote(new LiveNotice(workspace, LiveKinds.Sync, Guid.NewGuid()));

        received.Count.ShouldBe(1);
        received[0].Origin.ShouldNotBe(hub.InstanceId);
    }

    [Fact]
    public void Publish_OneSubscriberThrows_OthersStillTold()
    {
        var hub = new LiveHub(NullLogger<LiveHub>.Instance);
        var workspace = Guid.NewGuid();
        var received = 0;
        using var failing = hub.Subscribe(workspace, [LiveKinds.Events], _ => throw new InvalidOperationException("page gone"));
        using var working = hub.Subscribe(workspace, [LiveKinds.Events], _ => received++);

        hub.Publish(workspace, LiveKinds.Events);

        received.ShouldBe(1);
    }

    [Fact]
    public async Task EventsPosted_RaiseEventsThenScoresNotices_ForTheirWorkspace()
    {
        var server = fixture.Factory;
        var (client, workspace) = await server.MarketerInNewWorkspaceAsync();
        var contact = await server.SeedContactAsync(workspace);
        using var collector = new LiveNoticeCollector(server.Service<LiveHub>(), workspace, LiveKinds.Events, LiveKinds.Scores);

        (await client.PostAsJsonAsync("/api/events", new { events = new[] { new { type = "email_open", occurredAt = TimeProvider.System.GetUtcNow().AddMinutes(-5), contactHubSpotId = contact.HubSpotId } } })).EnsureSuccessStatusCode();

        await collector.WaitForAsync(n => n.Kind == LiveKinds.Events);
        await collector.WaitForAsync(n => n.Kind == LiveKinds.Scores);
        collector.Received.ShouldAllBe(n => n.WorkspaceId == workspace);
    }
}
