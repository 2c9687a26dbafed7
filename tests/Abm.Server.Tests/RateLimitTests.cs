using System.Net;
using Abm.Server.Features.Access;

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
    public async Task Api_KeyOverAnAllowanceBelowOneASecond_WaitsForItsNextToken()
    {
        var (_, key) = await _server.CreateKeyAsync("admin");
        var client = _server.ClientWithKey(key);
        HttpResponseMessage refused;
        do
        {
            refused = await client.GetAsync("/api/api-keys");
        }
        while (refused.StatusCode == HttpStatusCode.OK);

        // 3 a minute: the next token comes 20 s after the last one, not within the second.
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(19, 20);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(59)]
    [InlineData(61)]
    [InlineData(90)]
    [InlineData(1200)]
    [InlineData(1_000_000)]
    public void BucketFor_AnyRate_SustainsExactlyThatRateAfterAMinuteBurst(int perMinute)
    {
        var bucket = PerKeyAllowance.BucketFor(perMinute);

        var sustainedPerMinute = bucket.TokensPerPeriod * (double)TimeSpan.TicksPerMinute / bucket.ReplenishmentPeriod.Ticks;
        sustainedPerMinute.ShouldBe(perMinute, tolerance: perMinute * 1e-4);
        bucket.TokenLimit.ShouldBe(perMinute);
    }

    [Fact]
    public void BucketFor_RandomRates_NeverSustainsMoreThanAllowed()
    {
        var random = new Random(17);
        for (var i = 0; i < 10_000; i++)
        {
            var perMinute = random.Next(1, 1_000_001);
            var bucket = PerKeyAllowance.BucketFor(perMinute);
            var sustainedPerMinute = bucket.TokensPerPeriod * (double)TimeSpan.TicksPerMinute / bucket.ReplenishmentPeriod.Ticks;
            sustainedPerMinute.ShouldBeLessThanOrEqualTo(perMinute);
            sustainedPerMinute.ShouldBeGreaterThan(perMinute * 0.9999);
        }
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
