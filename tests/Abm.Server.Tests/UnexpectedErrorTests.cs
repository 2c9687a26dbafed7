using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Events;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests;

/// <summary>A 500 tells the caller nothing but a trace id, and that id finds the exception in the log.</summary>
public sealed class UnexpectedErrorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task HandlerThrows_500Body_CarriesTraceIdThatTheExceptionLogLineHas()
    {
        await using var failing = fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<EventIntake>(_ => throw new InvalidOperationException("fault injected by the test"))));
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AbmServerFactory.OperatorKey);

        var response = await client.PostAsJsonAsync("/api/events", new { events = new[] { new { type = "email_open" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain("fault injected");
        using var problem = JsonDocument.Parse(body);
        var traceId = problem.RootElement.GetProperty("traceId").GetString()!;
        traceId.ShouldNotBeNullOrWhiteSpace();
        fixture.Factory.Logs.Lines.ShouldContain(line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(traceId) && line.Contains("fault injected by the test"));
    }
}
