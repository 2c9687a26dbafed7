extern alias sandbox;

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using sandbox::Abm.HubSpot.Sandbox.Hosting;
using Xunit.Abstractions;

namespace Abm.Server.Tests.Fuzz;

public sealed class FuzzFixture : IAsyncLifetime
{
    public const string WebhookSecret = "fuzz-webhook-client-secret";
    public const string PublicBaseUrl = "https://abm.example.com";

    private SandboxHost _sandbox = null!;

    public AbmServerFactory Factory { get; private set; } = null!;

    // Limits high enough that every case reaches the handler; HubSpot is the sandbox, so a token check gets a
    // real answer (401 for the made-up tokens) at once.
    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 17, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 1 }] });
        Factory = await AbmServerFactory.StartAsync(new()
        {
            ["API_RATE_LIMIT_PER_MINUTE"] = "1000000",
            ["Tracking:CollectPerMinutePerAddress"] = "100000",
            ["HUBSPOT_CLIENT_SECRET"] = WebhookSecret,
            ["PUBLIC_BASE_URL"] = PublicBaseUrl,
            ["HUBSPOT_BASE_URL"] = _sandbox.BaseUrl,
            ["HubSpot:Retries:MaxRetryAttempts"] = "0",
            // Thousands of refused requests would each write a warning to the console; errors (the 500s) still show.
            ["Logging:LogLevel:Default"] = "Error",
        });
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _sandbox.DisposeAsync();
    }
}

/// <summary>
/// Malformed requests to every route of the OpenAPI document (the webhook receiver signed correctly, the tracking
/// collector with a valid token), sent with the operator key so they reach the handlers: none may answer 5xx,
/// and every 4xx must be problem details.
/// </summary>
public sealed class FuzzTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    public const int CasesPerRoute = 1000;

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task EveryRoute_ThousandMalformedRequests_NoServerErrorAndEveryErrorIsProblemJson()
    {
        var document = FuzzCases.Parse(await Server.OperatorClient().GetStringAsync("/openapi/v1.json"));
        var routes = FuzzRoute.FromOpenApi(document);
        routes.Add(new FuzzRoute("GET", "/t.js", [], ["v"], null, null));
        var world = await SeedAsync();
        var cases = new FuzzCases(new JsonSampler(document, world), world);
        var runner = new FuzzRunner(() => Server.OperatorClient(), FuzzFixture.WebhookSecret, new Uri(FuzzFixture.PublicBaseUrl + FuzzCases.WebhookRoute));

        // Routes interleaved, so slow writers and quick reads share the cores instead of queueing behind each other.
        var all = routes.Select(r => cases.For(r, CasesPerRoute).ToList()).ToList();
        var interleaved = Enumerable.Range(0, CasesPerRoute).SelectMany(i => all.Select(routeCases => routeCases[i]));
        var clock = Stopwatch.StartNew();
        var outcomes = await runner.RunAsync(interleaved);

        var summary = FuzzRunner.Summarize(outcomes, clock.Elapsed) + ServerErrorsInTheLog(outcomes);
        output.WriteLine(summary);
        routes.Select(r => r.Template).ShouldContain(FuzzCases.WebhookRoute);
        routes.Select(r => r.Template).ShouldContain(FuzzCases.CollectRoute);
        outcomes.GroupBy(o => o.Case.Route).ShouldAllBe(g => g.Count() >= CasesPerRoute);
        outcomes.Where(o => o.Failure is not null).ShouldBeEmpty(summary);
    }

    /// <summary>For a few 500s, the exception the log holds under the trace id the body gave.</summary>
    private string ServerErrorsInTheLog(List<FuzzRunner.Outcome> outcomes) => string.Concat(outcomes
        .Where(o => o.Status >= 500 && o.Failure?.Contains("\"traceId\":\"", StringComparison.Ordinal) == true)
        .Select(o => o.Failure!)
        .Select(failure => failure[(failure.IndexOf("\"traceId\":\"", StringComparison.Ordinal) + 11)..].Split('"')[0])
        .Take(5)
        .Select(traceId => Environment.NewLine + "  LOG " + (Server.Logs.Lines.FirstOrDefault(l => l.Contains(traceId, StringComparison.Ordinal)) ?? $"nothing logged under {traceId}").Split('\n')[0]));

    /// <summary>A contact, a content item and a tracking token for the contact, in the default workspace the operator key acts on.</summary>
    private async Task<FuzzWorld> SeedAsync()
    {
        var client = Server.OperatorClient();
        var workspace = (await client.GetFromJsonAsync<List<AbmServerFactory.IdOnly>>("/api/workspaces"))![0].Id;
        var contact = await Server.SeedContactAsync(workspace);
        var content = await (await client.PostAsJsonAsync("/api/content", new { title = "Fuzz guide", contentType = "whitepaper" })).Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>();
        using var token = JsonDocument.Parse(await (await client.PostAsync($"/api/contacts/{contact.Id}/tracking-token", null)).Content.ReadAsStringAsync());
        return new FuzzWorld(TimeProvider.System.GetUtcNow(), workspace, contact.Id, contact.Email!, contact.HubSpotId, content!.Id,
            token.RootElement.GetProperty("token").GetString()!);
    }
}
