using System.Net;

namespace Abm.Server.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    private AbmServerFactory _server = null!;

    public async Task InitializeAsync() =>
        _server = await AbmServerFactory.StartAsync(new() { ["API_RATE_LIMIT_PER_MINUTE"] = "3" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Api_KeyOverItsAllowance_Gets429WithRetryAfterWhileOtherKeysContinue()
    {
        var (_, busy) = await _server.CreateKeyAsync("admin");
        var (_, quiet) = await _server.CreateKeyAsync("admin");
        var client = _server.ClientWithKey(busy);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.GetAsync("/api/api-keys");
            statuses.Add(last.StatusCode);
        }

        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.OK);
        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
        last.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await _server.ClientWithKey(quiet).GetAsync("/api/api-keys")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_IsNotRateLimited()
    {
        var client = _server.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}
