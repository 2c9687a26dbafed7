using System.Net;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Abm.HubSpot.Sandbox.Tests.OAuth;

public sealed class OAuthTests
{
    private const string ContactScopes = "crm.objects.contacts.read crm.objects.contacts.write oauth";

    [Fact]
    public async Task Authorize_WithPortalId_RedirectsWithCodeAndState()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var location = await OAuthFlow.AuthorizeAsync(sandbox, ContactScopes, state: "s-123");

        location.GetLeftPart(UriPartial.Path).ShouldBe(OAuthFlow.RedirectUri);
        var query = QueryHelpers.ParseQuery(location.Query);
        query["state"].ToString().ShouldBe("s-123");
        query["code"].ToString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Authorize_WithoutPortalId_ShowsPortalPicker()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = OAuthFlow.NoRedirectClient(sandbox);

        var response = await client.GetAsync($"/oauth/authorize?client_id={sandbox.Host.ClientId}&redirect_uri={Uri.EscapeDataString(OAuthFlow.RedirectUri)}&scope=oauth&state=a");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain($"portalId={sandbox.Portal.PortalId}");
    }

    [Fact]
    public async Task Authorize_UnknownScope_RedirectsWithInvalidScopeError()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = OAuthFlow.NoRedirectClient(sandbox);

        var response = await client.GetAsync($"/oauth/authorize?client_id={sandbox.Host.ClientId}&redirect_uri={Uri.EscapeDataString(OAuthFlow.RedirectUri)}&scope=crm.everything&state=a&portalId={sandbox.Portal.PortalId}");

        QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"].ToString().ShouldBe("invalid_scope");
    }

    [Fact]
    public async Task Token_AuthorizationCode_ReturnsBearerTokensThatCallTheApi()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var tokens = await OAuthFlow.InstallAsync(sandbox, ContactScopes);
        using var client = sandbox.ClientFor(tokens["access_token"]!.GetValue<string>());
        var (response, _) = await TestSandbox.SendAsync(client, HttpMethod.Get, "/crm/v3/objects/contacts");

        tokens["token_type"]!.GetValue<string>().ShouldBe("bearer");
        tokens["expires_in"]!.GetValue<long>().ShouldBe(1800);
        tokens["refresh_token"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-HubSpot-RateLimit-Max").Single().ShouldBe("110");
        response.Headers.Contains("X-HubSpot-RateLimit-Daily").ShouldBeFalse();
    }

    [Fact]
    public async Task Token_CodeUsedTwice_ReturnsBadAuthCode()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var location = await OAuthFlow.AuthorizeAsync(sandbox, ContactScopes);
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        await OAuthFlow.ExchangeCodeAsync(sandbox, code);

        var (response, body) = await OAuthFlow.TokenAsync(sandbox, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = OAuthFlow.RedirectUri,
            ["client_id"] = sandbox.Host.ClientId, ["client_secret"] = sandbox.Host.ClientSecret,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body["status"]!.GetValue<string>().ShouldBe("BAD_AUTH_CODE");
        body["error"]!.GetValue<string>().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Token_WrongClientSecret_ReturnsInvalidClient()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await OAuthFlow.TokenAsync(sandbox, new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = "x", ["client_id"] = sandbox.Host.ClientId, ["client_secret"] = "wrong",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().ShouldBe("invalid_client");
    }

    [Fact]
    public async Task Token_RefreshGrant_IssuesNewAccessTokenAndKeepsRefreshToken()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var tokens = await OAuthFlow.InstallAsync(sandbox, ContactScopes);

        var (response, refreshed) = await OAuthFlow.TokenAsync(sandbox, Refresh(sandbox, tokens));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        refreshed["access_token"]!.GetValue<string>().ShouldNotBe(tokens["access_token"]!.GetValue<string>());
        refreshed["refresh_token"]!.GetValue<string>().ShouldBe(tokens["refresh_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoke_RefreshToken_MakesLaterRefreshFailWithBadRefreshToken()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var tokens = await OAuthFlow.InstallAsync(sandbox, ContactScopes);

        var (revoked, _) = await sandbox.SendAsync(HttpMethod.Delete, $"/oauth/v1/refresh-tokens/{tokens["refresh_token"]}");
        var (response, body) = await OAuthFlow.TokenAsync(sandbox, Refresh(sandbox, tokens));

        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body["status"]!.GetValue<string>().ShouldBe("BAD_REFRESH_TOKEN");
        body["error_description"].ShouldNotBeNull();
    }

    [Fact]
    public async Task AccessTokenInfo_ValidToken_ReturnsHubIdAndScopes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var tokens = await OAuthFlow.InstallAsync(sandbox, ContactScopes);

        var (response, info) = await sandbox.SendAsync(HttpMethod.Get, $"/oauth/v1/access-tokens/{tokens["access_token"]}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        info!["hub_id"]!.GetValue<long>().ShouldBe(sandbox.Portal.PortalId);
        info["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldContain("crm.objects.contacts.read");
        info["expires_in"]!.GetValue<long>().ShouldBe(1800);
        info["hub_domain"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Introspect_ActiveAndUnknownTokens_ReportActiveFlag()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var tokens = await OAuthFlow.InstallAsync(sandbox, ContactScopes);

        var active = await IntrospectAsync(sandbox, tokens["access_token"]!.GetValue<string>());
        var unknown = await IntrospectAsync(sandbox, "nope");

        active["active"]!.GetValue<bool>().ShouldBeTrue();
        active["hub_id"]!.GetValue<long>().ShouldBe(sandbox.Portal.PortalId);
        unknown["active"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Call_AfterAccessTokenLifetime_Returns401ExpiredAuthentication()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var tokens = await OAuthFlow.InstallAsync(sandbox, ContactScopes);
        using var client = sandbox.ClientFor(tokens["access_token"]!.GetValue<string>());
        sandbox.Host.Clock.Advance(TimeSpan.FromMinutes(31));

        var (response, body) = await TestSandbox.SendAsync(client, HttpMethod.Get, "/crm/v3/objects/contacts");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        body!["category"]!.GetValue<string>().ShouldBe("EXPIRED_AUTHENTICATION");
    }

    [Fact]
    public async Task Call_WithoutGrantedScope_Returns403MissingScopes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var tokens = await OAuthFlow.InstallAsync(sandbox, "crm.objects.contacts.read");
        using var client = sandbox.ClientFor(tokens["access_token"]!.GetValue<string>());

        var (write, body) = await TestSandbox.SendAsync(client, HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { email = "x@example.com" } });
        var (companies, _) = await TestSandbox.SendAsync(client, HttpMethod.Get, "/crm/v3/objects/companies");

        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        body!["category"]!.GetValue<string>().ShouldBe("MISSING_SCOPES");
        body["errors"]![0]!["context"]!["requiredGranularScopes"]![0]!.GetValue<string>().ShouldBe("crm.objects.contacts.write");
        companies.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static Dictionary<string, string> Refresh(TestSandbox sandbox, JsonNode tokens) => new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = tokens["refresh_token"]!.GetValue<string>(),
        ["client_id"] = sandbox.Host.ClientId,
        ["client_secret"] = sandbox.Host.ClientSecret,
    };

    private static async Task<JsonNode> IntrospectAsync(TestSandbox sandbox, string token)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = sandbox.Host.ClientId, ["client_secret"] = sandbox.Host.ClientSecret, ["token"] = token,
        });
        var response = await sandbox.Http.PostAsync("/oauth/v3/token/introspect", content);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
