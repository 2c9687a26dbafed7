extern alias sandbox;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Abm.Data;
using Abm.Server.Features.Connections;
using Abm.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests.Sync;

/// <summary>Connections per workspace: the OAuth code flow against the sandbox, refresh, revocation, and private-app tokens.</summary>
public sealed class OAuthConnectionTests : IAsyncLifetime
{
    private const string PublicBaseUrl = OAuthServerSettings.PublicBaseUrl;

    private SandboxHost _sandbox = null!;
    private AbmServerFactory _server = null!;

    public async Task InitializeAsync()
    {
        // Access tokens that live 4 minutes: always inside the client's 5-minute refresh-ahead margin.
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 5, SimulateBehaviour = false, OAuthAccessTokenLifetime = TimeSpan.FromMinutes(4), Portals = [new SandboxPortalOptions { Accounts = 3 }] });
        _server = await AbmServerFactory.StartAsync(OAuthServerSettings.For(_sandbox));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task OAuth_CodeFlow_ConnectsTheChosenPortalAndSyncsThroughIt()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();

        var connected = await ConnectThroughOAuthAsync(admin);

        connected.GetProperty("status").GetString().ShouldBe("connected");
        connected.GetProperty("authKind").GetString().ShouldBe("oauth");
        connected.GetProperty("portalId").GetString().ShouldBe(PortalId);
        connected.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldContain("crm.objects.contacts.read");
        var sync = await admin.PostAsJsonAsync("/api/sync", new { sync_type = "full" });
        sync.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var runId = (await sync.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var run = await Eventually.WaitForValueAsync<JsonElement>(
            async () => await admin.GetFromJsonAsync<JsonElement>($"/api/sync/runs/{runId}") is var r && r.GetProperty("status").GetString() is "queued" or "running" ? null : r,
            "the OAuth sync", 60);
        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        await using var database = _server.OpenDatabase();
        (await database.Contacts.IgnoreQueryFilters().CountAsync(c => c.WorkspaceId == workspace)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task OAuth_TokenNearExpiry_IsRefreshedAheadAndTheNewTokensAreStored()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        await ConnectThroughOAuthAsync(admin);
        var before = await StoredTokensAsync(workspace);
        var hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        await hubSpot.DeleteAsync("/_sandbox/counters");

        var client = (await _server.Service<HubSpotClients>().GetAsync(workspace, CancellationToken.None))!;
        await client.Owners.ListPageAsync(pageSize: 1);

        var after = await StoredTokensAsync(workspace);
        after.Access.ShouldNotBe(before.Access);
        after.ExpiresAt.ShouldBeGreaterThan(before.ExpiresAt);
        var counters = await hubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/counters");
        var statuses = counters.GetProperty("results").EnumerateArray().Select(r => (Route: r.GetProperty("route").GetString(), Status: r.GetProperty("status").GetInt32())).ToList();
        statuses.ShouldContain(s => s.Route!.Contains("/oauth/v1/token", StringComparison.Ordinal) && s.Status == 200);
        statuses.ShouldNotContain(s => s.Status == 401, "the token was refreshed before HubSpot could refuse it");
    }

    [Fact]
    public async Task OAuth_RefreshTokenRevoked_DisconnectsTheWorkspaceAndSaysSoInTheApiAndReadiness()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        await ConnectThroughOAuthAsync(admin);
        var refreshToken = (await StoredTokensAsync(workspace)).Refresh;
        using var hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        (await hubSpot.DeleteAsync($"/oauth/v1/refresh-tokens/{refreshToken}")).EnsureSuccessStatusCode();

        var client = (await _server.Service<HubSpotClients>().GetAsync(workspace, CancellationToken.None))!;
        await Should.ThrowAsync<Abm.HubSpot.HubSpotAuthorizationRevokedException>(() => client.Owners.ListPageAsync(pageSize: 1));

        var connection = await admin.GetFromJsonAsync<JsonElement>("/api/connections");
        connection.GetProperty("status").GetString().ShouldBe("disconnected");
        connection.GetProperty("statusReason").GetString()!.ShouldContain("invalid_grant");
        var ready = await _server.CreateClient().GetFromJsonAsync<JsonElement>("/health/ready");
        ready.GetProperty("checks").GetProperty("hubspot_connections").GetProperty("status").GetString().ShouldBe("Degraded");
        ready.GetProperty("checks").GetProperty("hubspot_connections").GetProperty("description").GetString()!.ShouldContain(workspace.ToString());
        (await _server.Service<HubSpotClients>().GetAsync(workspace, CancellationToken.None)).ShouldBeNull();
        (await admin.PostAsJsonAsync("/api/sync", new { sync_type = "full" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("forged-state")]
    [InlineData("")]
    public async Task OAuthCallback_WithAStateWeDidNotIssue_IsRefusedAndStoresNothing(string state)
    {
        var response = await _server.CreateClient().GetAsync($"/oauth/hubspot/callback?code=anything&state={Uri.EscapeDataString(state)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("state");
        await using var database = _server.OpenDatabase();
        (await database.OAuthConnections.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task OAuthCallback_WithAStateTamperedToNameAnotherWorkspace_IsRefused()
    {
        var (admin, _) = await AdminInNewWorkspaceAsync();
        var start = await admin.GetFromJsonAsync<JsonElement>("/api/connections/oauth/start");
        var state = QueryHelpers.ParseQuery(new Uri(start.GetProperty("authorizeUrl").GetString()!).Query)["state"].ToString();
        var tampered = state[..^4] + (state[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var response = await _server.CreateClient().GetAsync($"/oauth/hubspot/callback?code=anything&state={Uri.EscapeDataString(tampered)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PrivateAppToken_IsCheckedThenStoredEncrypted_AndNoTokenEverReachesTheDatabaseOrTheLogsInPlaintext()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        var refused = await admin.PostAsJsonAsync("/api/connections", new { accessToken = "pat-na1-not-a-real-token-at-all", portalId = PortalId });
        var accepted = await admin.PostAsJsonAsync("/api/connections", new { accessToken = _sandbox.Portals[0].AccessToken, portalId = PortalId });
        var (other, _) = await AdminInNewWorkspaceAsync();
        var taken = await other.PostAsJsonAsync("/api/connections", new { accessToken = _sandbox.Portals[0].AccessToken, portalId = PortalId });
        await ConnectThroughOAuthAsync(await ThirdAdminAsync());
        var oauthTokens = await AllStoredTokensAsync();

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.GetFromJsonAsync<JsonElement>("/api/connections")).GetProperty("authKind").GetString().ShouldBe("private_app");
        string[] secrets = [_sandbox.Portals[0].AccessToken, "pat-na1-not-a-real-token-at-all", .. oauthTokens];
        var stored = await EverythingStoredAsync();
        var logged = string.Join('\n', _server.Logs.Lines);
        foreach (var secret in secrets)
        {
            stored.ShouldNotContain(secret);
            logged.ShouldNotContain(secret);
        }

        (await admin.DeleteAsync("/api/connections")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetFromJsonAsync<JsonElement>("/api/connections")).GetProperty("status").GetString().ShouldBe("disconnected");
        (await _server.Service<HubSpotClients>().GetAsync(workspace, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Refresh_OAuthConnection_StoresNewTokensNowAndShowsWhen()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        // Access tokens here live inside the refresh-ahead margin, so provisioning at connect time already refreshed once.
        var connected = await ConnectThroughOAuthAsync(admin);
        var before = await StoredTokensAsync(workspace);

        var response = await admin.PostAsync("/api/connections/refresh", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var connection = await response.Content.ReadFromJsonAsync<JsonElement>();
        connection.GetProperty("lastRefreshedAt").GetDateTime().ShouldBeGreaterThan(connected.GetProperty("lastRefreshedAt") is { ValueKind: JsonValueKind.String } earlier ? earlier.GetDateTime() : DateTime.MinValue);
        var after = await StoredTokensAsync(workspace);
        after.Access.ShouldNotBe(before.Access);
        connection.GetProperty("accessTokenExpiresAt").GetDateTime().ShouldBe(after.ExpiresAt, TimeSpan.FromSeconds(1));
        var client = (await _server.Service<HubSpotClients>().GetAsync(workspace, CancellationToken.None))!;
        (await client.Owners.ListPageAsync(pageSize: 1)).ShouldNotBeNull();
        await using var database = _server.OpenDatabase();
        (await database.AuditLog.IgnoreQueryFilters().AnyAsync(a => a.WorkspaceId == workspace && a.Action == "hubspot.token_refreshed")).ShouldBeTrue();
    }

    [Fact]
    public async Task Refresh_GrantRevokedAtHubSpot_Answers409AndDisconnects()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        await ConnectThroughOAuthAsync(admin);
        using var hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        (await hubSpot.DeleteAsync($"/oauth/v1/refresh-tokens/{(await StoredTokensAsync(workspace)).Refresh}")).EnsureSuccessStatusCode();

        var response = await admin.PostAsync("/api/connections/refresh", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("invalid_grant");
        (await admin.GetFromJsonAsync<JsonElement>("/api/connections")).GetProperty("status").GetString().ShouldBe("disconnected");
    }

    [Fact]
    public async Task Refresh_HubSpotUnreachable_Answers503WithRetryAfterAndKeepsTheConnection()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        await ConnectThroughOAuthAsync(admin);
        var before = await StoredTokensAsync(workspace);
        using var hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        (await hubSpot.PostAsJsonAsync("/_sandbox/faults", new { route = "POST /oauth/v1/token", seed = 1, errorRates = new Dictionary<string, double> { ["503"] = 1.0 } })).EnsureSuccessStatusCode();
        try
        {
            var response = await admin.PostAsync("/api/connections/refresh", null);

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
            response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30));
            (await admin.GetFromJsonAsync<JsonElement>("/api/connections")).GetProperty("status").GetString().ShouldBe("connected");
            (await StoredTokensAsync(workspace)).Refresh.ShouldBe(before.Refresh);
        }
        finally
        {
            await hubSpot.DeleteAsync("/_sandbox/faults");
        }
    }

    [Fact]
    public async Task Revoke_OAuthConnection_RevokesTheRefreshTokenAtHubSpot()
    {
        var (admin, workspace) = await AdminInNewWorkspaceAsync();
        await ConnectThroughOAuthAsync(admin);
        var refreshToken = (await StoredTokensAsync(workspace)).Refresh;
        using var hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        (await hubSpot.GetAsync($"/oauth/v1/refresh-tokens/{refreshToken}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.DeleteAsync("/api/connections")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await hubSpot.GetAsync($"/oauth/v1/refresh-tokens/{refreshToken}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsync("/api/connections/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PrivateAppToken_StatusShowsHubSpotsScopesAndRefreshHasNothingToDo()
    {
        var (admin, _) = await AdminInNewWorkspaceAsync();
        var (other, _) = await AdminInNewWorkspaceAsync();
        var wrongPortal = await other.PostAsJsonAsync("/api/connections", new { accessToken = _sandbox.Portals[0].AccessToken, portalId = "123456789" });
        (await admin.PostAsJsonAsync("/api/connections", new { accessToken = _sandbox.Portals[0].AccessToken, portalId = PortalId })).EnsureSuccessStatusCode();

        var status = await admin.GetFromJsonAsync<JsonElement>("/api/connections");
        var refresh = await admin.PostAsync("/api/connections/refresh", null);

        wrongPortal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongPortal.Content.ReadAsStringAsync()).ShouldContain(PortalId);
        status.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldContain("crm.objects.contacts.read");
        status.GetProperty("accessTokenExpiresAt").ValueKind.ShouldBe(JsonValueKind.Null);
        refresh.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refresh.Content.ReadAsStringAsync()).ShouldContain("do not expire");
    }

    private string PortalId => _sandbox.Portals[0].PortalId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpClient> ThirdAdminAsync()
    {
        // The portal is taken by the private-app workspace; OAuth needs a portal of its own.
        using var hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        var portal = await (await hubSpot.PostAsJsonAsync("/_sandbox/portals", new { accounts = 1, seed = 9 })).Content.ReadFromJsonAsync<JsonElement>();
        _secondPortal = portal.GetProperty("portalId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await AdminInNewWorkspaceAsync()).Client;
    }

    private string? _secondPortal;

    private async Task<(HttpClient Client, Guid Workspace)> AdminInNewWorkspaceAsync()
    {
        var workspace = await _server.CreateWorkspaceAsync($"OAuth {Guid.NewGuid():N}");
        return (_server.ClientWithKey((await _server.CreateKeyAsync("admin", workspace)).Key), workspace);
    }

    /// <summary>Start, consent (the sandbox approves at once when told the portal), and the browser's return to our callback.</summary>
    private async Task<JsonElement> ConnectThroughOAuthAsync(HttpClient admin)
    {
        var start = await admin.GetFromJsonAsync<JsonElement>("/api/connections/oauth/start");
        var authorize = start.GetProperty("authorizeUrl").GetString()!;
        authorize.ShouldStartWith($"{_sandbox.BaseUrl}/oauth/authorize?");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await browser.GetAsync($"{authorize}&portalId={_secondPortal ?? PortalId}");
        consent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await consent.Content.ReadAsStringAsync());
        var back = consent.Headers.Location!;
        back.GetLeftPart(UriPartial.Path).ShouldBe($"{PublicBaseUrl}/oauth/hubspot/callback");
        var callback = await _server.CreateClient().GetAsync(back.PathAndQuery);
        callback.StatusCode.ShouldBe(HttpStatusCode.OK, await callback.Content.ReadAsStringAsync());
        return await admin.GetFromJsonAsync<JsonElement>("/api/connections");
    }

    private async Task<(string Access, string Refresh, DateTime ExpiresAt)> StoredTokensAsync(Guid workspace)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ConnectionStore>();
        var connection = (await store.FindAsync(workspace, CancellationToken.None))!;
        return (store.AccessTokenOf(connection)!, store.RefreshTokenOf(connection)!, connection.AccessTokenExpiresAt!.Value);
    }

    private async Task<List<string>> AllStoredTokensAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ConnectionStore>();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var tokens = new List<string>();
        foreach (var connection in await database.OAuthConnections.IgnoreQueryFilters().Where(c => c.Status == "connected").ToListAsync())
        {
            tokens.Add(store.AccessTokenOf(connection)!);
            if (store.RefreshTokenOf(connection) is { } refresh)
            {
                tokens.Add(refresh);
            }
        }

        return tokens;
    }

    /// <summary>Every value of every row of every table, as text: what a copy of the database would reveal.</summary>
    private async Task<string> EverythingStoredAsync()
    {
        await using var database = _server.OpenDatabase();
        var connection = database.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.IsPostgresRun
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
            }
        }

        tables.Count.ShouldBeGreaterThan(20);
        return text.ToString();
    }
}
