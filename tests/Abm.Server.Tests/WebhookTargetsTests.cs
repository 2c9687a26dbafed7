using Abm.Server.Features.Access;
using Abm.Server.Features.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests;

/// <summary>How events become records to re-read, and how the newest applied event time spares needless re-reads.</summary>
public sealed class WebhookTargetsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static WebhookEvent Event(string type, string id, int second, params string[] merged) =>
        new("123", type, id, T0.AddSeconds(second), merged);

    private static readonly WebhookEvent[] Clean =
    [
        Event("contact.creation", "1", 0), Event("contact.propertyChange", "1", 5), Event("company.creation", "7", 1),
        Event("contact.propertyChange", "2", 3), Event("deal.deletion", "9", 4), Event("contact.merge", "3", 8, "3", "4"),
    ];

    [Fact]
    public void From_DuplicatedAndReorderedEvents_SameTargetsAsCleanDelivery()
    {
        var random = new Random(5);
        var messy = Clean.Concat(Clean.Where((_, i) => i % 2 == 0)).Concat([Clean[1]]).OrderBy(_ => random.Next()).ToList();

        var clean = WebhookTargets.From(Clean).Records;
        var delivered = WebhookTargets.From(messy).Records;

        delivered.Keys.ShouldBe(clean.Keys, ignoreOrder: true);
        foreach (var (type, records) in clean)
        {
            delivered[type].ShouldBe(records, ignoreOrder: true);
        }
    }

    [Fact]
    public void From_Events_NewestTimePerRecordAndMergedRecordsIncluded()
    {
        var records = WebhookTargets.From(Clean).Records;

        records["contacts"]["1"].ShouldBe(T0.AddSeconds(5));
        records["contacts"].Keys.ShouldBe(["1", "2", "3", "4"], ignoreOrder: true);
        records["contacts"]["4"].ShouldBe(T0.AddSeconds(8));
        records["companies"].Keys.ShouldBe(["7"]);
        records["deals"].Keys.ShouldBe(["9"]);
    }

    [Fact]
    public void From_UnknownSubscriptionTypes_CountedNotTargeted()
    {
        var targets = WebhookTargets.From([Event("ticket.creation", "1", 0), Event("ticket.creation", "2", 0), Event("contact.teleport", "3", 0), Event("contact", "4", 0)]);

        targets.Records.ShouldBeEmpty();
        targets.UnknownTypes.ShouldBe(new Dictionary<string, int> { ["ticket.creation"] = 2, ["contact.teleport"] = 1, ["contact"] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task Marks_AfterRecording_OnlyNewerEventsNeedWorkAndMarksNeverMoveBack()
    {
        var workspace = await fixture.Factory.CreateWorkspaceAsync($"Marks {Guid.NewGuid():N}");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
        var marks = scope.ServiceProvider.GetRequiredService<WebhookRecordMarks>();
        await marks.RecordAsync("contacts", new Dictionary<string, DateTimeOffset> { ["1"] = T0.AddSeconds(10), ["2"] = T0 }, CancellationToken.None);
        await marks.RecordAsync("contacts", new Dictionary<string, DateTimeOffset> { ["1"] = T0.AddSeconds(2) }, CancellationToken.None);

        var newer = await marks.NewerAsync("contacts", new Dictionary<string, DateTimeOffset>
        {
            ["1"] = T0.AddSeconds(10), ["2"] = T0.AddSeconds(1), ["3"] = T0,
        }, CancellationToken.None);
        var otherType = await marks.NewerAsync("companies", new Dictionary<string, DateTimeOffset> { ["1"] = T0 }, CancellationToken.None);

        newer.Keys.ShouldBe(["2", "3"], ignoreOrder: true);
        otherType.Keys.ShouldBe(["1"]);
    }
}
