extern alias sandbox;

using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests.Privacy;

/// <summary>
/// Every admin action, through the API by one admin key, against the HubSpot sandbox over HTTP where a connection is
/// involved: each is in the audit log exactly once, with that key as who, a time inside the action, what was acted on,
/// and the caller's address as where. The actions are those the code audits and the admin routes: keys, users,
/// workspace, privacy, engagement, nurture and segment settings, journey-stage overrides, exports, consent changes,
/// erasures, contact deletion, property provisioning, and connections (private app, OAuth, disconnect).
/// </summary>
public sealed class AdminActionAuditTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private AbmServerFactory _server = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 5, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 1 }, new SandboxPortalOptions { Accounts = 1 }] });
        // Over real HTTP, so each request has a client address to record as "from where".
        _server = await AbmServerFactory.StartOverHttpAsync(OAuthServerSettings.For(_sandbox));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task EveryAdminAction_IsAuditedExactlyOnceWithWhoWhenWhatAndWhere()
    {
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;
        // The operator makes the workspace and its admin's key; the admin does everything else.
        var workspace = await _server.CreateWorkspaceAsync($"Audit {Guid.NewGuid():N}");
        var (adminKeyId, adminKey) = await _server.CreateKeyAsync("admin", workspace);
        var admin = _server.ClientWithKey(adminKey);
        var (kept, erased) = (await _server.SeedContactAsync(workspace), await _server.SeedContactAsync(workspace));
        var expected = new List<(string Action, string? EntityId)> { ("workspace.created", workspace.ToString()), ("api_key.created", adminKeyId.ToString()) };

        var key = await Ok(await admin.PostAsJsonAsync("/api/api-keys", new { name = "Reporting", role = "viewer" }));
        expected.Add(("api_key.created", key.GetProperty("id").GetString()));
        await Ok(await admin.DeleteAsync($"/api/api-keys/{key.GetProperty("id").GetString()}"));
        expected.Add(("api_key.revoked", key.GetProperty("id").GetString()));

        var user = await Ok(await admin.PostAsJsonAsync("/api/users", new { email = $"new{Guid.NewGuid():N}@vendor.example", role = "marketer", password = "a long enough passphrase" }));
        var userId = user.GetProperty("id").GetString();
        await Ok(await admin.PutAsJsonAsync($"/api/users/{userId}/role", new { role = "viewer" }));
        await Ok(await admin.DeleteAsync($"/api/users/{userId}"));
        expected.AddRange([("user.created", userId), ("user.role_changed", userId), ("user.removed", userId)]);

        await Ok(await admin.PatchAsJsonAsync($"/api/workspaces/{workspace}", new { name = $"Renamed {Guid.NewGuid():N}" }));
        expected.Add(("workspace.renamed", workspace.ToString()));
        await Ok(await admin.PutAsJsonAsync("/api/privacy/settings", new { trackingRequiresConsent = true, eventRetentionDays = 400 }));
        expected.Add(("privacy.settings_changed", workspace.ToString()));
        await Ok(await admin.PutAsJsonAsync("/api/engagement/settings", await admin.GetFromJsonAsync<JsonElement>("/api/engagement/settings")));
        expected.Add(("engagement.settings_changed", workspace.ToString()));
        await Ok(await admin.PutAsJsonAsync("/api/nurture/settings", new { transactionalEmailId = 4242 }));
        expected.Add(("nurture.settings.changed", workspace.ToString()));
        await Ok(await admin.PutAsJsonAsync("/api/nurture/guardrails", await admin.GetFromJsonAsync<JsonElement>("/api/nurture/guardrails")));
        expected.Add(("nurture.guardrails.changed", workspace.ToString()));
        await Ok(await admin.PutAsJsonAsync("/api/segments/rules", new { rules = new[] { new { segment = "target", property = "company", @operator = "contains", value = "Acme" } } }));
        expected.Add(("segments.rules_changed", workspace.ToString()));

        await Ok(await admin.PutAsJsonAsync($"/api/contacts/{kept.Id}/journey-stage", new { stage = "vendor_evaluation" }));
        await Ok(await admin.DeleteAsync($"/api/contacts/{kept.Id}/journey-stage"));
        expected.AddRange([("journey_stage.overridden", kept.Id.ToString()), ("journey_stage.override_cleared", kept.Id.ToString())]);
        (await admin.GetAsync($"/api/contacts/{kept.Id}/export")).EnsureSuccessStatusCode();
        (await admin.GetAsync($"/api/contacts/{kept.Id}/export?format=zip")).EnsureSuccessStatusCode();
        expected.AddRange([("contact.exported", kept.Id.ToString()), ("contact.exported", kept.Id.ToString())]);
        await Ok(await admin.PutAsJsonAsync($"/api/contacts/{kept.Id}/consent", new { email = false, profiling = false }));
        expected.Add(("contact.consent_changed", kept.Id.ToString()));
        await Ok(await admin.PostAsync($"/api/contacts/{erased.Id}/erase", null));
        expected.Add(("contact.erased", erased.Id.ToString()));

        var privateApp = await Ok(await admin.PostAsJsonAsync("/api/connections", new { accessToken = _sandbox.Portals[0].AccessToken, portalId = PortalId(0) }));
        await Ok(await admin.PostAsync("/api/hubspot/properties/provision", null));
        await Ok(await admin.DeleteAsync("/api/connections"));
        var oauth = await ConnectThroughOAuthAsync(admin);
        expected.AddRange([("hubspot.connected", null), ("hubspot.properties_provisioned", workspace.ToString()), ("hubspot.disconnected", null), ("hubspot.connected", null)]);
        await Ok(await admin.DeleteAsync("/api/contacts"));
        expected.Add(("contacts.deleted", null));
        var finished = TimeProvider.System.GetUtcNow().UtcDateTime;

        var entries = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?limit=500&since={Uri.EscapeDataString(started.AddSeconds(-1).ToString("O"))}"))
            .GetProperty("items").EnumerateArray().Reverse().ToList();

        entries.Select(e => e.GetProperty("action").GetString()).ShouldBe(expected.Select(e => e.Action), "each action once, in the order done");
        for (var i = 0; i < expected.Count; i++)
        {
            var entry = entries[i];
            var what = expected[i].Action;
            entry.GetProperty("actor").GetString().ShouldBe(i < 2 ? "operator" : adminKeyId.ToString(), $"who did {what}");
            entry.GetProperty("occurredAt").GetDateTime().ShouldBeInRange(started.AddSeconds(-1), finished.AddSeconds(1), $"when {what} was done");
            entry.GetProperty("source").GetString().ShouldBe("address 127.0.0.1", $"where {what} came from");
            if (expected[i].EntityId is { } entityId)
            {
                entry.GetProperty("entityId").GetString().ShouldBe(entityId, $"what {what} acted on");
            }
        }

        (privateApp.GetProperty("authKind").GetString(), oauth.GetProperty("authKind").GetString()).ShouldBe(("private_app", "oauth"));
        await using var database = _server.OpenDatabase();
        (await database.AuditLog.IgnoreQueryFilters().CountAsync(e => e.WorkspaceId == workspace && e.Actor == "anonymous")).ShouldBe(0);
    }

    private string PortalId(int index) => _sandbox.Portals[index].PortalId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Start, consent on HubSpot's page (the sandbox approves at once when told the portal), and the browser's return to the callback.</summary>
    private async Task<JsonElement> ConnectThroughOAuthAsync(HttpClient admin)
    {
        var start = await admin.GetFromJsonAsync<JsonElement>("/api/connections/oauth/start");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await browser.GetAsync($"{start.GetProperty("authorizeUrl").GetString()}&portalId={PortalId(1)}");
        var callback = await _server.CreateClient().GetAsync(consent.Headers.Location!.PathAndQuery);
        return await Ok(callback);
    }
}
