using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Abm.Server.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Privacy;

/// <summary>
/// One consent answer per contact (<c>GET/PUT /api/contacts/{id}/consent</c>) from HubSpot's opt-out and local
/// withdrawals, and tracking that honours it: a withdrawn contact's visits and, when the workspace requires it, visits
/// without the snippet's consent signal are acknowledged and not kept.
/// </summary>
public sealed class ConsentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Consent_HubSpotOptOutAndLocalWithdrawals_AnsweredPerPurposeWithReasonAndAudited()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var optedOut = await Server.SeedContactAsync(workspace);
        await using (var database = Server.OpenDatabase())
        {
            await database.Contacts.IgnoreQueryFilters().Where(c => c.Id == optedOut.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Properties, """{"hs_email_optout":"true"}"""));
        }

        var fresh = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{optedOut.HubSpotId}/consent");
        using var withdraw = await admin.PutAsJsonAsync($"/api/contacts/{optedOut.Id}/consent", new { tracking = false, profiling = false, reason = "asked by phone" });
        using var again = await admin.PutAsJsonAsync($"/api/contacts/{optedOut.Id}/consent", new { profiling = true });

        (fresh.GetProperty("email").GetProperty("allowed").GetBoolean(), fresh.GetProperty("tracking").GetProperty("allowed").GetBoolean()).ShouldBe((false, true));
        fresh.GetProperty("email").GetProperty("reason").GetString()!.ShouldContain("hs_email_optout");
        var withdrawn = await withdraw.Content.ReadFromJsonAsync<JsonElement>();
        (withdrawn.GetProperty("tracking").GetProperty("allowed").GetBoolean(), withdrawn.GetProperty("profiling").GetProperty("allowed").GetBoolean()).ShouldBe((false, false));
        withdrawn.GetProperty("tracking").GetProperty("reason").GetString()!.ShouldContain("asked by phone");
        var allowed = await again.Content.ReadFromJsonAsync<JsonElement>();
        (allowed.GetProperty("tracking").GetProperty("allowed").GetBoolean(), allowed.GetProperty("profiling").GetProperty("allowed").GetBoolean()).ShouldBe((false, true));
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?action=contact.consent_changed&entityId={optedOut.Id}");
        audit.GetProperty("total").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Collect_TrackingWithdrawnOrNoConsentSignalWhereRequired_AcknowledgedAndNotKept()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var (withdrawn, plain) = (await Server.SeedContactAsync(workspace), await Server.SeedContactAsync(workspace));
        var (withdrawnToken, plainToken) = (await IssueAsync(admin, withdrawn.Id), await IssueAsync(admin, plain.Id));
        (await admin.PutAsJsonAsync($"/api/contacts/{withdrawn.Id}/consent", new { tracking = false })).EnsureSuccessStatusCode();

        (await CollectAsync(new { t = withdrawnToken, type = "website_visit", eventId = "w-1", consent = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await CollectAsync(new { t = plainToken, type = "website_visit", eventId = "p-1" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var settings = await (await admin.PutAsJsonAsync("/api/privacy/settings", new { trackingRequiresConsent = true })).Content.ReadFromJsonAsync<JsonElement>();
        (await CollectAsync(new { t = plainToken, type = "website_visit", eventId = "p-2" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await CollectAsync(new { t = plainToken, type = "website_visit", eventId = "p-3", consent = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        settings.GetProperty("trackingRequiresConsent").GetBoolean().ShouldBeTrue();
        (await admin.GetFromJsonAsync<JsonElement>("/api/privacy/settings")).GetProperty("trackingRequiresConsent").GetBoolean().ShouldBeTrue();
        await using var database = Server.OpenDatabase();
        (await database.EngagementEvents.IgnoreQueryFilters().CountAsync(e => e.ContactId == withdrawn.Id)).ShouldBe(0);
        var kept = await database.EngagementEvents.IgnoreQueryFilters().Where(e => e.ContactId == plain.Id).Select(e => e.ClientEventId).ToListAsync();
        string.Join(",", kept.Order()).ShouldBe("t:p-1,t:p-3", "p-2 came without the consent signal once the workspace required it");
    }

    [Fact]
    public async Task ConsentRoutes_BadInput_400NamingTheFieldAndUnknownContact404()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var contact = await Server.SeedContactAsync(workspace);

        using var badId = await admin.GetAsync("/api/contacts/nobody/consent");
        using var unknown = await admin.PutAsJsonAsync($"/api/contacts/{Guid.NewGuid()}/consent", new { email = false });
        using var longReason = await admin.PutAsJsonAsync($"/api/contacts/{contact.Id}/consent", new { email = false, reason = new string('x', 501) });
        using var badSetting = await admin.PutAsJsonAsync("/api/privacy/settings", new { trackingRequiresConsent = "sometimes" });

        badId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("id", out _).ShouldBeTrue();
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        longReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await longReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        badSetting.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<HttpResponseMessage> CollectAsync(object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/t/collect") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "text/plain") };
        request.Headers.UserAgent.ParseAdd(Browser);
        return await Server.CreateClient().SendAsync(request);
    }

    private static async Task<string> IssueAsync(HttpClient client, Guid contactId) =>
        (await (await client.PostAsync($"/api/contacts/{contactId}/tracking-token", null)).Content.ReadFromJsonAsync<TrackingTokenResponse>())!.Token;
}
