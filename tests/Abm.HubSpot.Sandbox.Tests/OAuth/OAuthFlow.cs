using System.Net;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Abm.HubSpot.Sandbox.Tests.OAuth;

/// <summary>Drives the OAuth authorization-code flow against a sandbox the way an app would.</summary>
internal static class OAuthFlow
{
    public const string RedirectUri = "https://app.example.com/oauth/callback";

    public static HttpClient NoRedirectClient(TestSandbox sandbox) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(sandbox.Host.BaseUrl) };

    public static async Task<Uri> AuthorizeAsync(TestSandbox sandbox, string scopes, string state = "xyz")
    {
        using var client = NoRedirectClient(sandbox);
        var url = QueryHelpers.AddQueryString("/oauth/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = sandbox.Host.ClientId,
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scopes,
            ["state"] = state,
            ["portalId"] = sandbox.Portal.PortalId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!;
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> TokenAsync(TestSandbox sandbox, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        var response = await sandbox.ClientFor(null).PostAsync("/oauth/v1/token", content);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public static async Task<JsonNode> ExchangeCodeAsync(TestSandbox sandbox, string code)
    {
        var (response, body) = await TokenAsync(sandbox, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = sandbox.Host.ClientId,
            ["client_secret"] = sandbox.Host.ClientSecret,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    public static async Task<JsonNode> InstallAsync(TestSandbox sandbox, string scopes)
    {
        var location = await AuthorizeAsync(sandbox, scopes);
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        return await ExchangeCodeAsync(sandbox, code);
    }
}
