using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Engines.Experiments;
using Abm.Server.Tests.Nurture;
using Microsoft.EntityFrameworkCore;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Experiments;

/// <summary>
/// A recommendation experiment of the recommender against popularity, acting through nurture against the sandbox
/// over HTTP: a popularity arm's contact is sent the item most contacts engaged with, every accepted send is recorded
/// as the experiment's exposure in the contact's arm, and nurture's candidate lists are not recorded as shown.
/// </summary>
public sealed class ExperimentSendTests(NurtureSandbox fixture) : IClassFixture<NurtureSandbox>
{
    [Fact]
    public async Task Nurture_PopularityArmAgainstCurrentWeights_SendsTheMostReachedItemAndRecordsEachSendInItsArm()
    {
        var client = fixture.Marketer();
        var items = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            items.Add(await ContentAsync(client, $"https://example.com/item-{i}"));
        }

        // Reach: item 2 engaged with by three readers, item 0 by one; the others by nobody.
        await SeedReachAsync(items[2], readers: 3);
        await SeedReachAsync(items[0], readers: 1);
        using var created = await client.PostAsJsonAsync("/api/experiments", new
        {
            key = "popular-vs-ours", name = "Recommender against popularity", metric = "content_to_meeting",
            arms = new object[] { new { key = "ours", source = "current" }, new { key = "popular", source = "popularity" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var experiment = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/experiments/{experiment}/start", null)).EnsureSuccessStatusCode();
        var (ours, popular) = await OneContactPerArmAsync(experiment);
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "One send {{Guid.NewGuid():N}}", {{AlwaysOpen}},
              "steps": [ { "id": "send", "type": "send_content" }, { "id": "done", "type": "end" } ] }
            """);
        await EnrollAsync(client, new { sequenceId = sequence, contactIds = new[] { ours.Id, popular.Id } });

        await fixture.RunAsync();

        var popularSend = await SentItemAsync(client, popular);
        popularSend.ShouldBe(items[2], "the popularity arm sends the item most contacts engaged with");
        var oursSend = await SentItemAsync(client, ours);
        await using var database = fixture.Server.OpenDatabase();
        var exposures = await database.ExperimentExposures.IgnoreQueryFilters().Where(x => x.ExperimentId == experiment).ToListAsync();
        exposures.Select(x => (x.ContactId, x.ContentId, x.Arm, x.Channel)).ShouldBe(
            [(ours.Id, oursSend, "ours", ExposureChannels.Sent), (popular.Id, popularSend, "popular", ExposureChannels.Sent)], ignoreOrder: true,
            customMessage: "each accepted send once, in its arm; nurture's candidate lists are not shown to anyone");

        // Served through the API, the popularity arm's list is ranked by reach and explained by it, and recorded as shown.
        var served = (await client.GetFromJsonAsync<JsonElement>($"/api/contacts/{popular.Id}/recommendations?k=2")).GetProperty("items");
        served.EnumerateArray().Select(i => i.GetProperty("contentId").GetGuid()).ShouldBe([items[2], items[0]]);
        served[0].GetProperty("reason").GetString().ShouldBe("Whitepaper: one of the most read, 3 contacts engaged with it.");
        (await database.ExperimentExposures.IgnoreQueryFilters().CountAsync(x => x.ExperimentId == experiment && x.Channel == ExposureChannels.Shown)).ShouldBe(2);
    }

    [Fact]
    public async Task Results_ContentToMeeting_CountsContactsWithAMeetingWithin30DaysAfterOneOfTheirSends()
    {
        var client = fixture.Marketer();
        using var created = await client.PostAsJsonAsync("/api/experiments", new
        {
            key = $"ctm-{Guid.NewGuid():N}"[..20], name = "Content to meeting", metric = "content_to_meeting",
            arms = new object[] { new { key = "a", source = "default" }, new { key = "b", source = "default" } },
        });
        var experiment = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        // Arm a: sent 40 and 20 days ago, meeting 5 days after the second (converted); sent 40 days ago, meeting 35 days
        // after (not: too late); sent 40 days ago, meeting a day before (not: before the send). Arm b: sent 10 days ago,
        // meeting since (not counted: its 30 days are not over); sent 31 days ago, meeting 30 days after (converted).
        await SeedSendAsync(experiment, "a", [now.AddDays(-40), now.AddDays(-20)], meeting: now.AddDays(-15));
        await SeedSendAsync(experiment, "a", [now.AddDays(-40)], meeting: now.AddDays(-5));
        await SeedSendAsync(experiment, "a", [now.AddDays(-40)], meeting: now.AddDays(-41));
        await SeedSendAsync(experiment, "b", [now.AddDays(-10)], meeting: now.AddDays(-2));
        await SeedSendAsync(experiment, "b", [now.AddDays(-31)], meeting: now.AddDays(-1).AddMinutes(-1));

        var results = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{experiment}/results");

        var metric = results.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "content_to_meeting");
        metric.GetProperty("primary").GetBoolean().ShouldBeTrue();
        metric.GetProperty("arms").EnumerateArray().Select(a => (a.GetProperty("arm").GetString(), a.GetProperty("exposed").GetInt32(), a.GetProperty("converted").GetInt32()))
            .ShouldBe([("a", 3, 1), ("b", 1, 1)]);
    }

    private async Task SeedReachAsync(Guid item, int readers)
    {
        for (var i = 0; i < readers; i++)
        {
            var reader = await ContactAsync(fixture.Server, fixture.Workspace);
            await using var database = fixture.Server.OpenDatabase();
            var at = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-3);
            database.EngagementEvents.Add(new EngagementEvent
            {
                Id = Guid.CreateVersion7(), WorkspaceId = fixture.Workspace, ContactId = reader.Id, ContentId = item, EventType = "content_download",
                Source = "test", OccurredAt = at, CreatedAt = at,
            });
            await database.SaveChangesAsync();
        }
    }

    /// <summary>Portal contacts (each its own unit: no company) until one falls in each arm.</summary>
    private async Task<(Contact Ours, Contact Popular)> OneContactPerArmAsync(Guid experiment)
    {
        var arms = new[] { new ExperimentArm("ours", 1), new ExperimentArm("popular", 1) };
        Contact? ours = null, popular = null;
        while (ours is null || popular is null)
        {
            var contact = await fixture.PortalContactAsync();
            if (ExperimentAssignment.Assign(experiment.ToString("N"), contact.Id.ToString("N"), arms, 0) == "ours")
            {
                ours ??= contact;
            }
            else
            {
                popular ??= contact;
            }
        }

        return (ours, popular);
    }

    private static async Task<Guid> SentItemAsync(HttpClient client, Contact contact)
    {
        var send = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!.Timeline.Single(a => a.Kind == "send_content");
        send.Status.ShouldBe("done");
        return send.ContentId!.Value;
    }

    private async Task SeedSendAsync(Guid experiment, string arm, DateTime[] sends, DateTime meeting)
    {
        var contact = await ContactAsync(fixture.Server, fixture.Workspace);
        var item = Guid.NewGuid();
        await using var database = fixture.Server.OpenDatabase();
        database.ContentItems.Add(new ContentItem { Id = item, WorkspaceId = fixture.Workspace, Title = "Sent guide", ContentType = "guide" });
        foreach (var (sent, i) in sends.Select((s, i) => (s, i)))
        {
            // One item per send: the second send is another item (a send is recorded once per contact and item).
            var content = i == 0 ? item : Guid.NewGuid();
            if (i > 0)
            {
                database.ContentItems.Add(new ContentItem { Id = content, WorkspaceId = fixture.Workspace, Title = "Next guide", ContentType = "guide" });
            }

            database.ExperimentExposures.Add(new ExperimentExposure
            {
                Id = Guid.CreateVersion7(), WorkspaceId = fixture.Workspace, ExperimentId = experiment, Arm = arm, UnitKey = contact.Id.ToString("N"),
                ContactId = contact.Id, ContentId = content, ExposedAt = sent, Channel = ExposureChannels.Sent,
            });
        }

        database.EngagementEvents.Add(new EngagementEvent
        {
            Id = Guid.CreateVersion7(), WorkspaceId = fixture.Workspace, ContactId = contact.Id, EventType = "meeting_booked", Source = "test",
            OccurredAt = meeting, CreatedAt = meeting,
        });
        await database.SaveChangesAsync();
    }
}
