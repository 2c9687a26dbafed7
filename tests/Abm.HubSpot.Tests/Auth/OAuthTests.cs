using System.Net;
using Abm.HubSpot.Auth;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Auth;

public sealed class OAuthTests
{
    private static readonly Uri _redirect = new("https://abm.example.com/oauth/callback");

    // Walks the sandbox's consent step for its first portal and exchanges the code for tokens.
    private static async Task<OAuthTokens> AuthorizeAsync(TestPortal portal)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(portal.Host.BaseUrl) };
        var scopes = Uri.EscapeDataString("crm.objects.contacts.read crm.objects.contacts.write oauth");
        using var consent = await browser.GetAsync(
            $"/oauth/authorize?client_id={portal.Host.ClientId}&redirect_uri={Uri.EscapeDataString(_redirect.ToString())}&scope={scopes}&state=s1&portalId={portal.Portal.PortalId}");
        consent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = System.Web.HttpUtility.ParseQueryString(consent.Headers.Location!.Query)["code"]!;
        return await portal.OAuthClient().ExchangeCodeAsync(code, _redirect);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeFromConsent_GivesTokensForThePortal()
    {
        await using var portal = await TestPortal.StartAsync();

        var tokens = await AuthorizeAsync(portal);
        var info = await portal.OAuthClient().GetTokenInfoAsync(tokens.AccessToken);

        info.HubId.ShouldBe(portal.Portal.PortalId);
        info.Scopes.ShouldContain("crm.objects.contacts.read");
        tokens.ExpiresAt.ShouldBe(portal.Time.GetUtcNow().AddMinutes(30), TimeSpan.FromMinutes(1));
        tokens.ToString().ShouldNotContain(tokens.AccessToken);
        tokens.ToString().ShouldNotContain(tokens.RefreshToken);
    }

    [Fact]
    public async Task ListPageAsync_ExpiredAccessToken_RefreshesExactlyOnceThenSucceeds()
    {
        await using var portal = await TestPortal.StartAsync();
        var tokens = await AuthorizeAsync(portal);
        var oauth = portal.OAuthClient();
        var refreshes = 0;
        // The client believes the token is fresh for hours, so only HubSpot's 401 can reveal the expiry.
        var client = portal.Client(HubSpotAuthentication.OAuth(tokens with { ExpiresAt = tokens.ExpiresAt.AddHours(5) }, async (current, ct) =>
        {
            Interlocked.Increment(ref refreshes);
            return (await oauth.RefreshAsync(current.RefreshToken, ct)) with { ExpiresAt = DateTimeOffset.MaxValue };
        }));
        portal.Host.Clock.Advance(TimeSpan.FromMinutes(31));

        var page = await client.Crm.ListPageAsync(CrmObjectTypes.Contacts);

        page.Results.ShouldNotBeEmpty();
        refreshes.ShouldBe(1);
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 401)).ShouldBe(1);
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 200)).ShouldBe(1);
    }

    [Fact]
    public async Task ListPageAsync_TokenNearExpiry_RefreshesAheadWithoutA401()
    {
        await using var portal = await TestPortal.StartAsync();
        var tokens = await AuthorizeAsync(portal);
        var oauth = portal.OAuthClient();
        var refreshes = 0;
        var client = portal.Client(HubSpotAuthentication.OAuth(tokens, async (current, ct) =>
        {
            Interlocked.Increment(ref refreshes);
            return await oauth.RefreshAsync(current.RefreshToken, ct);
        }));
        portal.Host.Clock.Advance(TimeSpan.FromMinutes(27));

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.Crm.ListPageAsync(CrmObjectTypes.Contacts)));

        refreshes.ShouldBe(1);
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 401)).ShouldBe(0);
    }

    [Fact]
    public async Task ListPageAsync_RefreshTokenRevoked_RaisesAuthorizationRevoked()
    {
        await using var portal = await TestPortal.StartAsync();
        var tokens = await AuthorizeAsync(portal);
        var oauth = portal.OAuthClient();
        using (var revoke = await portal.Admin.DeleteAsync($"/oauth/v1/refresh-tokens/{tokens.RefreshToken}"))
        {
            revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var client = portal.Client(HubSpotAuthentication.OAuth(tokens, (current, ct) => oauth.RefreshAsync(current.RefreshToken, ct)));
        portal.Host.Clock.Advance(TimeSpan.FromMinutes(31));

        var error = await Should.ThrowAsync<HubSpotAuthorizationRevokedException>(() => client.Crm.ListPageAsync(CrmObjectTypes.Contacts));

        error.Category.ShouldBe("invalid_grant");
        (await portal.CountAsync("POST /oauth/v1/token", 400)).ShouldBe(1);
    }
}
