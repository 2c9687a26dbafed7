using System.Globalization;
using System.Threading.RateLimiting;
using Abm.Data;
using Abm.Server.Configuration;
using Abm.Server.Errors;
using Abm.Server.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Access;

internal static class AccessSetup
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>()
            .Configure<IConfiguration>(AccessOptions.Bind)
            .ValidateSettings();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentWorkspace>();
        services.AddScoped<ICurrentWorkspace>(sp => sp.GetRequiredService<CurrentWorkspace>());

        // /api is authenticated by API keys only, exactly as before the dashboard existed; every other path (the
        // dashboard's pages) by the dashboard's session cookie. A cookie sent to /api is never read.
        services.AddAuthentication(AccessClaims.ByPathScheme)
            // The API and the metrics scrape are for programs with keys; every other path is the dashboard's.
            .AddPolicyScheme(AccessClaims.ByPathScheme, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/metrics") ? AccessClaims.Scheme : DashboardSession.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessClaims.Scheme, null)
            .AddDashboardCookie();
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Read, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(AccessPolicies.Marketing, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Marketer))
            .AddPolicy(AccessPolicies.Steering, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Marketer, Roles.Sales))
            .AddPolicy(AccessPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(AccessPolicies.Operator, p => p.RequireAuthenticatedUser().RequireClaim(AccessClaims.Operator, "true"));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AccessPolicies.RateLimit, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.RateLimitPerMinute;
                // A token bucket per key: bursts are fine, sustained load is held to the configured rate.
                return RateLimitPartition.GetTokenBucketLimiter(context.User.Actor(), _ => PerKeyAllowance.BucketFor(perMinute));
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: "This API key has used its request allowance; retry after the time in the Retry-After header.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>Everything under /api: a key is required, the per-key limit applies, and a named workspace must exist.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.RequireAuthorization(AccessPolicies.Read);
        api.RequireRateLimiting(AccessPolicies.RateLimit);
        api.AddEndpointFilter(RequestValidationFilter.InvokeAsync);
        api.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Items.TryGetValue(ApiKeyAuthenticationHandler.UnknownWorkspaceItem, out var named)
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Workspace not found",
                    detail: $"No workspace has the id given in {ApiKeyAuthenticationHandler.WorkspaceHeader}: '{named}'.")
                : await next(context));
        return api;
    }
}
