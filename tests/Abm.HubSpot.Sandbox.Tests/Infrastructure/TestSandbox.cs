using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.HubSpot.Sandbox.Tests.Infrastructure;

/// <summary>A sandbox started on a random loopback port plus an HttpClient authenticated as its first portal.</summary>
internal sealed class TestSandbox : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private TestSandbox(SandboxHost host)
    {
        Host = host;
        Http = ClientFor(host.Portals[0].AccessToken);
    }

    public SandboxHost Host { get; }

    public HttpClient Http { get; }

    public SandboxPortalInfo Portal => Host.Portals[0];

    /// <summary>Starts a small sandbox on a frozen clock unless the options say otherwise.</summary>
    public static async Task<TestSandbox> StartAsync(SandboxOptions? options = null) =>
        new(await SandboxHost.StartAsync(options ?? Options()));

    public static SandboxOptions Options(int accounts = 3, SandboxTier tier = SandboxTier.Enterprise) => new()
    {
        ClockStart = Start,
        ClockSpeed = 0,
        Portals = [new SandboxPortalOptions { Accounts = accounts, Tier = tier }],
    };

    public HttpClient ClientFor(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null) =>
        SendAsync(Http, method, path, body);

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var json = body as string ?? System.Text.Json.JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> CreateContactAsync(string email, string? firstName = null)
    {
        var (response, body) = await SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { email, firstname = firstName ?? "Test" } });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body?.ToJsonString());
        return body!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
