using System.Net;
using System.Text.Encodings.Web;
using Abm.Server.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Server.Tests;

/// <summary>The server's middleware order, on a host with one endpoint that needs both a key and CORS.</summary>
public sealed class MiddlewareOrderTests : IAsyncLifetime
{
    private const string Origin = "https://www.customer-site.example";
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddErrorHandling();
        builder.Services.AddAuthentication("nobody").AddScheme<AuthenticationSchemeOptions, NobodyHandler>("nobody", null);
        builder.Services.AddAuthorization();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddCors(cors => cors.AddPolicy("site", policy => policy.WithOrigins(Origin).AllowAnyHeader().WithMethods("GET")));
        _app = builder.Build();
        _app.UseAbmMiddleware();
        _app.MapGet("/guarded", () => "secret").RequireAuthorization().RequireCors("site");
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task UseAbmMiddleware_CrossOriginRequestRefusedByAuthorization_StillCarriesCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/guarded");
        request.Headers.Add("Origin", Origin);

        var response = await _app.GetTestClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Origin]);
    }

    [Fact]
    public async Task UseAbmMiddleware_Preflight_IsAnsweredWithoutCredentials()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/guarded");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await _app.GetTestClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Origin]);
    }

    /// <summary>An authentication scheme that never recognises anyone, so authorization always refuses.</summary>
    private sealed class NobodyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
