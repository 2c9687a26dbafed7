using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.WriteBack;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Privacy;

/// <summary>
/// A contact who withdrew profiling, against the sandbox over HTTP: the withdrawal clears ABM's profile properties in
/// HubSpot, the recompute leaves the contact out, and no profile value (engagement or lead score) is written to HubSpot
/// afterwards, while other values for the contact and other contacts' profiles still go.
/// </summary>
public sealed class ProfilingConsentTests : IAsyncLifetime
{
    private const string ProfileQuery = "properties=abm_content_engagement_score,abm_journey_stage,abm_persona_classification,ai_lead_score,jobtitle";
    private SyncHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SyncHarness.StartAsync(accounts: 2);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task WriteBack_ProfilingWithdrawn_ClearsProfileInHubSpotAndWritesNoNewProfileValues()
    {
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
        (await _harness.Server.OperatorClient().PostAsync("/api/hubspot/properties/provision", null)).EnsureSuccessStatusCode();
        var (withdrawn, control) = await TwoContactsAsync();
        await AddEventsAsync("demo_request", withdrawn, control);
        await RecomputeAndFlushAsync();
        (await ScoreInHubSpotAsync(withdrawn)).ShouldNotBeNullOrEmpty("before the withdrawal the profile is written as for everyone");
        var scoreBefore = await LocalScoreAsync(withdrawn);
        var controlBefore = await LocalScoreAsync(control);

        using var withdrawal = await _harness.Server.OperatorClient().PutAsJsonAsync($"/api/contacts/{withdrawn.Id}/consent", new { profiling = false });
        withdrawal.StatusCode.ShouldBe(HttpStatusCode.OK, await withdrawal.Content.ReadAsStringAsync());
        await AddEventsAsync("pricing_inquiry", withdrawn, control);
        await QueueAsync(withdrawn, new() { ["ai_lead_score"] = "88", ["jobtitle"] = "Chief Data Officer" });
        var flushed = await RecomputeAndFlushAsync();

        var inHubSpot = (await _harness.HubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts/{withdrawn.HubSpotId}?{ProfileQuery}")).GetProperty("properties");
        foreach (var property in new[] { "abm_content_engagement_score", "abm_journey_stage", "abm_persona_classification", "ai_lead_score" })
        {
            Value(inHubSpot, property).ShouldBeNullOrEmpty($"{property} was cleared at the withdrawal and nothing newer was sent");
        }

        Value(inHubSpot, "jobtitle").ShouldBe("Chief Data Officer", "values that are not ABM's profile still go");
        (await LocalScoreAsync(withdrawn)).ShouldBe(scoreBefore, "the recompute leaves the contact out");
        (await LocalScoreAsync(control)).ShouldBeGreaterThan(controlBefore);
        (await ScoreInHubSpotAsync(control)).ShouldNotBeNullOrEmpty("another contact's profile is untouched");
        flushed.Withheld.ShouldBe(0, "the withdrawn contact's row still carried the blanks and the job title");

        await QueueAsync(withdrawn, new() { ["ai_lead_score"] = "91" });
        var onlyProfile = await OutboxTestData.FlushAsync(_harness.Server);

        onlyProfile.ShouldBe(new FlushSummary(Calls: 0, Sent: 0, Retrying: 0, Dropped: 0, Withheld: 1));
        Value((await _harness.HubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts/{withdrawn.HubSpotId}?{ProfileQuery}")).GetProperty("properties"), "ai_lead_score")
            .ShouldBeNullOrEmpty();
        await using var database = _harness.Server.OpenDatabase();
        var rows = await database.HubSpotOutbox.IgnoreQueryFilters().AsNoTracking().Where(o => o.HubSpotId == withdrawn.HubSpotId).OrderBy(o => o.CreatedAt).ToListAsync();
        rows[^1].Status.ShouldBe(OutboxStatus.Withheld);
        rows.Where(r => r.Status == OutboxStatus.Sent).Last().Properties.ShouldNotContain("88", Case.Sensitive, "the history shows what HubSpot was sent");
        using var recommendations = await _harness.Server.OperatorClient().GetAsync($"/api/contacts/{withdrawn.Id}/recommendations");
        recommendations.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LeadScoring_ProfilingWithdrawn_ContactIsNotScoredOnDemandInBulkOrWhenDue()
    {
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
        var (withdrawn, control) = await TwoContactsAsync();
        var client = _harness.Server.OperatorClient();
        (await client.PutAsJsonAsync($"/api/contacts/{withdrawn.Id}/consent", new { profiling = false })).EnsureSuccessStatusCode();

        var one = await client.PostAsync($"/api/leads/{withdrawn.Id}/score", null);
        var many = await client.PostAsJsonAsync("/api/leads/score", new { contactIds = new[] { withdrawn.Id, control.Id } });

        one.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await one.Content.ReadAsStringAsync()).ShouldContain("withdrew profiling");
        (await many.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scored").GetInt32().ShouldBe(1);
        await using var database = _harness.Server.OpenDatabase();
        (await database.LeadScores.IgnoreQueryFilters().AnyAsync(s => s.ContactId == withdrawn.Id)).ShouldBeFalse();
        (await database.LeadScores.IgnoreQueryFilters().AnyAsync(s => s.ContactId == control.Id)).ShouldBeTrue();
        // The automatic round (everything changed and settled long ago) does not pick the contact up either.
        await using var scope = _harness.Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(_harness.WorkspaceId);
        await scope.ServiceProvider.GetRequiredService<Abm.Server.Features.Leads.LeadScoring>()
            .ScoreDueAsync(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(1), TimeSpan.Zero, 10_000, CancellationToken.None);
        (await database.LeadScores.IgnoreQueryFilters().AnyAsync(s => s.ContactId == withdrawn.Id)).ShouldBeFalse();
    }

    private async Task<(Contact Withdrawn, Contact Control)> TwoContactsAsync()
    {
        await using var database = _harness.Server.OpenDatabase();
        var two = await database.Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => c.WorkspaceId == _harness.WorkspaceId).OrderBy(c => c.HubSpotId).Take(2).ToListAsync();
        return (two[0], two[1]);
    }

    private async Task AddEventsAsync(string type, params Contact[] contacts)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using var database = _harness.Server.OpenDatabase();
        database.EngagementEvents.AddRange(contacts.Select(c => new EngagementEvent
        {
            WorkspaceId = _harness.WorkspaceId, Id = Guid.CreateVersion7(), ContactId = c.Id, OccurredAt = now.AddMinutes(-5), EventType = type, Source = "api", CreatedAt = now,
        }));
        await database.SaveChangesAsync();
    }

    /// <summary>Queued as lead scoring and nurture's property steps queue their values.</summary>
    private async Task QueueAsync(Contact contact, Dictionary<string, string> properties)
    {
        await using var scope = _harness.Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(_harness.WorkspaceId);
        var queue = scope.ServiceProvider.GetRequiredService<WriteBackQueue>();
        await queue.PreloadPendingAsync(WriteBackQueue.ContactObject, [contact.HubSpotId], CancellationToken.None);
        queue.EnqueueContactProperties(contact, properties);
        await scope.ServiceProvider.GetRequiredService<Abm.Data.AbmDbContext>().SaveChangesAsync();
    }

    private async Task<FlushSummary> RecomputeAndFlushAsync()
    {
        (await _harness.Server.OperatorClient().PostAsync("/api/engagement/recompute", null)).EnsureSuccessStatusCode();
        return await OutboxTestData.FlushAsync(_harness.Server);
    }

    private async Task<int> LocalScoreAsync(Contact contact)
    {
        await using var database = _harness.Server.OpenDatabase();
        return await database.Contacts.IgnoreQueryFilters().Where(c => c.Id == contact.Id).Select(c => c.EngagementScore).SingleAsync();
    }

    private async Task<string?> ScoreInHubSpotAsync(Contact contact) =>
        Value((await _harness.HubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts/{contact.HubSpotId}?{ProfileQuery}")).GetProperty("properties"), "abm_content_engagement_score");

    private static string? Value(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
