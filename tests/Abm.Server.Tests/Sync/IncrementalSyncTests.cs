using System.Net.Http.Json;
using System.Text.Json;

namespace Abm.Server.Tests.Sync;

/// <summary>Incremental sync by modification time, segments, the contact listing and clearing the local copy.</summary>
public sealed class IncrementalSyncTests : IAsyncLifetime
{
    private SyncHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await SyncHarness.StartAsync(accounts: 12);
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task IncrementalSync_AfterChangesInHubSpot_ReadsOnlyWhatChangedAndEndsExact()
    {
        var page = await _harness.HubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/contacts?limit=2");
        var changedId = page.GetProperty("results")[0].GetProperty("id").GetString();
        (await _harness.HubSpot.PatchAsJsonAsync($"/crm/v3/objects/contacts/{changedId}", new { properties = new { jobtitle = "Chief Revenue Officer", lastname = "Renamed" } })).EnsureSuccessStatusCode();
        (await _harness.HubSpot.PostAsJsonAsync("/crm/v3/objects/contacts", new { properties = new { email = "new.buyer@chainge-labs.example", firstname = "New", lastname = "Buyer", company = "CHAINge Labs" } })).EnsureSuccessStatusCode();
        (await _harness.HubSpot.PostAsJsonAsync("/crm/v3/objects/companies", new { properties = new { name = "Fresh Account", domain = "fresh.example" } })).EnsureSuccessStatusCode();

        var run = await _harness.SyncAsync("incremental");

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        run.GetProperty("kind").GetString().ShouldBe("incremental");
        (await _harness.LocalAsync()).ShouldEqual(await PortalSnapshot.ReadPortalAsync(_harness.HubSpot));
        // Owners in full (one page) plus the three changed records; nothing else was read again.
        run.GetProperty("records").GetInt32().ShouldBeLessThan(20);
    }

    [Fact]
    public async Task IncrementalSync_BeforeAnyFullPass_RunsAFullPass()
    {
        await using var fresh = await SyncHarness.StartAsync(accounts: 3);

        var run = await fresh.SyncAsync("incremental");

        run.GetProperty("kind").GetString().ShouldBe("full");
        (await fresh.LocalAsync()).ShouldEqual(await PortalSnapshot.ReadPortalAsync(fresh.HubSpot));
    }

    [Fact]
    public async Task Contacts_BySegment_ListsBuiltInAndUserDefinedSegmentsWithTheDocumentedShape()
    {
        (await _harness.HubSpot.PostAsJsonAsync("/crm/v3/objects/contacts", new { properties = new { email = "ada@chainge.example", firstname = "Ada", company = "CHAINge Labs" } })).EnsureSuccessStatusCode();
        (await _harness.SyncAsync("incremental")).GetProperty("status").GetString().ShouldBe("succeeded");
        var admin = _harness.Server.OperatorClient();

        var saved = await admin.PutAsJsonAsync("/api/segments/rules", new { rules = new[] { new { segment = "chainge", property = "company", @operator = "contains", value = "chainge" } } });
        var chainge = await admin.GetFromJsonAsync<JsonElement>("/api/contacts?segment=chainge&limit=50");
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/contacts?limit=5&offset=5");
        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/sync/stats");

        saved.EnsureSuccessStatusCode();
        chainge.GetProperty("total").GetInt32().ShouldBe(1);
        chainge.GetProperty("segment").GetString().ShouldBe("chainge");
        chainge.GetProperty("contacts")[0].GetProperty("email").GetString().ShouldBe("ada@chainge.example");
        chainge.GetProperty("contacts")[0].GetProperty("segments").EnumerateArray().Select(s => s.GetString()).ShouldContain("engaged");
        all.GetProperty("contacts").GetArrayLength().ShouldBe(5);
        (all.GetProperty("limit").GetInt32(), all.GetProperty("offset").GetInt32()).ShouldBe((5, 5));
        all.GetProperty("segment").ValueKind.ShouldBe(JsonValueKind.Null);
        stats.GetProperty("bySegment").GetProperty("chainge").GetInt32().ShouldBe(1);
        stats.GetProperty("totalContacts").GetInt32().ShouldBe(all.GetProperty("total").GetInt32());
        stats.GetProperty("lastRun").GetProperty("status").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task SegmentRules_Invalid_Answer400AndKeepTheOldRules()
    {
        var admin = _harness.Server.OperatorClient();

        var builtIn = await admin.PutAsJsonAsync("/api/segments/rules", new { rules = new[] { new { segment = "engaged", property = "company", @operator = "contains", value = "x" } } });
        var badOperator = await admin.PutAsJsonAsync("/api/segments/rules", new { rules = new[] { new { segment = "vip", property = "company", @operator = "regex", value = "x" } } });
        var noValue = await admin.PutAsJsonAsync("/api/segments/rules", new { rules = new[] { new { segment = "vip", property = "company", @operator = "equals" } } });

        builtIn.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        badOperator.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        noValue.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await admin.GetFromJsonAsync<JsonElement>("/api/segments/rules")).GetProperty("rules").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task DeleteContacts_ClearsOnlyTheLocalCopyAndTheNextSyncIsFull()
    {
        var deleted = await _harness.Server.OperatorClient().DeleteFromJsonAsync<JsonElement>("/api/contacts");

        deleted.GetProperty("deleted").GetInt32().ShouldBeGreaterThan(0);
        (await _harness.LocalAsync()).Contacts.ShouldBeEmpty();
        var run = await _harness.SyncAsync("incremental");
        run.GetProperty("kind").GetString().ShouldBe("full");
        (await _harness.LocalAsync()).ShouldEqual(await PortalSnapshot.ReadPortalAsync(_harness.HubSpot));
    }

    [Fact]
    public async Task Sync_MeetingBookedForNextWeek_CountsFromWhenItWasBooked()
    {
        var contact = (await _harness.HubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/contacts?limit=1")).GetProperty("results")[0].GetProperty("id").GetString();
        var start = TimeProvider.System.GetUtcNow().AddDays(6);
        var created = await _harness.HubSpot.PostAsJsonAsync("/crm/v3/objects/meetings", new
        {
            properties = new Dictionary<string, string> { ["hs_timestamp"] = start.ToString("O"), ["hs_meeting_title"] = "Booked early" },
            associations = new[] { new { to = new { id = contact }, types = new[] { new { associationCategory = "HUBSPOT_DEFINED", associationTypeId = 200 } } } },
        });
        var meeting = await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var bookedAt = meeting.GetProperty("createdAt").GetDateTimeOffset();

        (await _harness.SyncAsync("incremental")).GetProperty("status").GetString().ShouldBe("succeeded");

        await using var database = _harness.Server.OpenDatabase();
        var pulled = database.EngagementEvents.IgnoreQueryFiltersFor(_harness.WorkspaceId)
            .Single(e => e.ClientEventId == $"hubspot-meeting-{meeting.GetProperty("id").GetString()}-{contact}");
        pulled.EventType.ShouldBe("meeting_booked");
        // Dated at the booking (the record's creation), not at the meeting's start six days later.
        new DateTimeOffset(DateTime.SpecifyKind(pulled.OccurredAt, DateTimeKind.Utc)).ShouldBe(bookedAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Sync_PullsEmailOpensClicksMeetingsAndFormsIntoEngagementOnce()
    {
        await using var database = _harness.Server.OpenDatabase();
        var pulled = database.EngagementEvents.IgnoreQueryFiltersFor(_harness.WorkspaceId).Where(e => e.Source == "hubspot");
        var afterFull = pulled.Count();

        (await _harness.SyncAsync("incremental")).GetProperty("status").GetString().ShouldBe("succeeded");

        afterFull.ShouldBeGreaterThan(0);
        pulled.Select(e => e.EventType).Distinct().ToList().ShouldBeSubsetOf(["email_open", "email_click", "meeting_booked", "form_submission"]);
        pulled.Count().ShouldBe(afterFull);
    }
}
