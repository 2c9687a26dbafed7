using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Connections;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Sync;

/// <summary>Form submissions read from HubSpot's forms API into engagement events: once, at their time, by email.</summary>
public sealed class FormSubmissionPullTests : IAsyncLifetime
{
    private SyncHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await SyncHarness.StartAsync(accounts: 6);
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Sync_SeededSubmissions_ArePulledOnceWithTheirTimeAndType()
    {
        var submitted = await SubmissionsInHubSpotAsync();

        var afterFull = await PulledAsync();
        (await _harness.SyncAsync("incremental")).GetProperty("status").GetString().ShouldBe("succeeded");
        var afterIncremental = await PulledAsync();

        submitted.ShouldNotBeEmpty();
        afterFull.Select(e => (e.Email, e.At)).Order().ShouldBe(submitted.Order());
        afterIncremental.Select(e => e.ClientEventId).Order().ShouldBe(afterFull.Select(e => e.ClientEventId).Order());
        afterFull.Select(e => e.ClientEventId).Distinct().Count().ShouldBe(afterFull.Count);
    }

    [Fact]
    public async Task Sync_NewSubmissions_AddOnlyThoseOfSyncedContactsMatchedWithoutCaseAndRescoreThem()
    {
        var contact = await AnyContactAsync();
        var at = await SandboxNowAsync();
        await SubmitAsync("Demo request", contact.Email!.ToUpperInvariant(), at);
        await SubmitAsync("Contact us", "stranger@nowhere.example", at);
        var before = await PulledAsync();

        (await _harness.SyncAsync("incremental")).GetProperty("status").GetString().ShouldBe("succeeded");
        var after = await PulledAsync();

        var added = after.ExceptBy(before.Select(e => e.ClientEventId), e => e.ClientEventId).ShouldHaveSingleItem();
        added.ContactId.ShouldBe(contact.Id);
        added.At.ShouldBe(at.ToUnixTimeMilliseconds());
        added.Metadata!.ShouldContain("Demo request");
        await Eventually.WaitForAsync(
            async () =>
            {
                await using var database = _harness.Server.OpenDatabase();
                var score = await database.ContactScores.IgnoreQueryFiltersFor(_harness.WorkspaceId).SingleOrDefaultAsync(s => s.ContactId == contact.Id);
                return score?.LastEventAt is { } last && last >= at.UtcDateTime.AddMilliseconds(-1) ? score : null;
            },
            "rescoring of the contact with the new submission",
            timeoutSeconds: 30);
    }

    [Fact]
    public async Task Sync_Incremental_StopsPagingAtSubmissionsThePreviousPullSaw()
    {
        var contact = await AnyContactAsync();
        var now = await SandboxNowAsync();
        for (var i = 1; i <= 120; i++)
        {
            await SubmitAsync("Newsletter", contact.Email!, now.AddMinutes(-i));
        }

        (await _harness.SyncAsync("incremental")).GetProperty("status").GetString().ShouldBe("succeeded");
        (await _harness.HubSpot.DeleteAsync("/_sandbox/counters")).EnsureSuccessStatusCode();
        (await _harness.SyncAsync("incremental")).GetProperty("status").GetString().ShouldBe("succeeded");

        // One page per form: the newest page of each already reaches what the last pull saw.
        (await _harness.CountAsync("GET /form-integrations/v1/submissions/forms/{formGuid}")).ShouldBe(4);
        (await PulledAsync()).Count(e => e.ContactId == contact.Id && e.Metadata!.Contains("Newsletter")).ShouldBeGreaterThanOrEqualTo(120);
    }

    [Fact]
    public async Task Sync_TokenWithoutFormsScope_SucceedsWithoutFormSubmissions()
    {
        var scopes = HubSpotAppSettings.DefaultScopes.Split(' ').Where(s => s != "forms").ToList();
        await using var harness = await SyncHarness.StartAsync(accounts: 2, privateAppScopes: scopes);

        var run = await harness.SyncAsync("full");

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        await using var database = harness.Server.OpenDatabase();
        (await database.EngagementEvents.IgnoreQueryFiltersFor(harness.WorkspaceId).CountAsync(e => e.EventType == "form_submission")).ShouldBe(0);
        (await database.EngagementEvents.IgnoreQueryFiltersFor(harness.WorkspaceId).CountAsync(e => e.Source == "hubspot")).ShouldBeGreaterThan(0);
    }

    private sealed record Pulled(string ClientEventId, Guid ContactId, string Email, long At, string? Metadata);

    private async Task<List<Pulled>> PulledAsync()
    {
        await using var database = _harness.Server.OpenDatabase();
        var events = await database.EngagementEvents.IgnoreQueryFiltersFor(_harness.WorkspaceId)
            .Where(e => e.Source == "hubspot" && e.EventType == "form_submission").ToListAsync();
        var emails = await database.Contacts.IgnoreQueryFiltersFor(_harness.WorkspaceId).ToDictionaryAsync(c => c.Id, c => c.Email);
        return events.Select(e => new Pulled(
            e.ClientEventId!, e.ContactId, emails[e.ContactId]!, new DateTimeOffset(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds(), e.Metadata)).ToList();
    }

    private async Task<Contact> AnyContactAsync()
    {
        await using var database = _harness.Server.OpenDatabase();
        return await database.Contacts.IgnoreQueryFiltersFor(_harness.WorkspaceId).Where(c => c.Email != null).OrderBy(c => c.HubSpotId).FirstAsync();
    }

    /// <summary>Every submission of every form, as (lower-cased email, epoch ms), read through HubSpot's APIs.</summary>
    private async Task<List<(string Email, long At)>> SubmissionsInHubSpotAsync()
    {
        var submitted = new List<(string, long)>();
        var forms = await _harness.HubSpot.GetFromJsonAsync<JsonElement>("/marketing/v3/forms?limit=100");
        foreach (var form in forms.GetProperty("results").EnumerateArray())
        {
            var page = await _harness.HubSpot.GetFromJsonAsync<JsonElement>($"/form-integrations/v1/submissions/forms/{form.GetProperty("id").GetString()}?limit=50");
            page.TryGetProperty("paging", out _).ShouldBeFalse("a seeded form of this portal fits one page");
            submitted.AddRange(page.GetProperty("results").EnumerateArray().Select(s => (
                s.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "email").GetProperty("value").GetString()!.ToLowerInvariant(),
                s.GetProperty("submittedAt").GetInt64())));
        }

        return submitted;
    }

    private async Task<DateTimeOffset> SandboxNowAsync()
    {
        var clock = await _harness.HubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/clock");
        // A minute back, so the submission is never ahead of the server's own clock.
        return clock.GetProperty("now").GetDateTimeOffset().AddMinutes(-1);
    }

    private async Task SubmitAsync(string formName, string email, DateTimeOffset at)
    {
        var forms = await _harness.HubSpot.GetFromJsonAsync<JsonElement>("/marketing/v3/forms?limit=100");
        var formId = forms.GetProperty("results").EnumerateArray().Single(f => f.GetProperty("name").GetString() == formName).GetProperty("id").GetString();
        var response = await _harness.HubSpot.PostAsJsonAsync(
            $"/_sandbox/portals/{_harness.PortalId}/forms/{formId}/submissions",
            new { values = new Dictionary<string, string> { ["email"] = email }, submittedAt = at });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
