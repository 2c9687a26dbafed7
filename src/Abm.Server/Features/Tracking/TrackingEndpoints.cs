using System.Security.Claims;
using System.Threading.RateLimiting;
using Abm.Data;
using Abm.Server.Configuration;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Events;
using Abm.Server.Features.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Tracking;

internal static class TrackingEndpoints
{
    private const string CollectLimit = "abm.tracking.collect";
    private const string CollectCors = "abm.tracking.cors";
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static IServiceCollection AddTracking(this IServiceCollection services)
    {
        services.AddOptions<TrackingOptions>().BindConfiguration(TrackingOptions.Section).ValidateSettings();
        services.AddSingleton<TrackingTokens>();
        // Any site that embeds the snippet may post to collect; the token, not the origin, is the credential. A beacon is
        // sent with credentials, for which a wildcard origin fails the browser's check, so the caller's origin is named
        // back. Collect reads no cookie and answers nothing about anyone, so allowing credentials gives a page nothing.
        services.AddCors(cors => cors.AddPolicy(CollectCors, policy => policy.SetIsOriginAllowed(_ => true).AllowCredentials().AllowAnyHeader().WithMethods("POST")));
        services.AddRateLimiter(limiter => limiter.AddPolicy(CollectLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<TrackingOptions>>().Value.CollectPerMinutePerAddress,
                Window = TimeSpan.FromMinutes(1),
            })));
        return services;
    }

    /// <summary>The snippet and its collect endpoint are public (content pages have no API key); the token is the credential.</summary>
    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapGet("/t.js", (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Text(TrackingScript.Source, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        app.MapPost("/t/collect", CollectAsync).RequireRateLimiting(CollectLimit).RequireCors(CollectCors).WithTags("Tracking").WithName("CollectTrackingEvent");
        api.MapPost("/contacts/{id:guid}/tracking-token", IssueAsync).WithTags("Tracking").WithName("IssueTrackingToken")
            .RequireAuthorization(AccessPolicies.Marketing);
        return app;
    }

    private static async Task<Results<Ok<TrackingTokenResponse>, ProblemHttpResult>> IssueAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, TrackingTokens tokens, CancellationToken cancellationToken)
    {
        var hubSpotId = await database.Contacts.Where(c => c.Id == id).Select(c => c.HubSpotId).SingleOrDefaultAsync(cancellationToken);
        if (hubSpotId is null)
        {
            return ApiProblems.NotFound("Contact not found", $"No contact {id} in this workspace.");
        }

        var (token, expiresAt) = tokens.Issue(user.WorkspaceId(), hubSpotId);
        return TypedResults.Ok(new TrackingTokenResponse(token, expiresAt, "abm_t"));
    }

    /// <summary>
    /// The body is JSON but may arrive as text/plain: browsers send that from a beacon without a CORS preflight.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> CollectAsync(
        HttpContext context, TrackingTokens tokens, CurrentWorkspace workspace, EventIntake intake, ContactConsent consent, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (BotFilter.IsBot(context.Request.Headers.UserAgent))
        {
            return TypedResults.NoContent();
        }

        CollectRequest? request;
        try
        {
            request = await System.Text.Json.JsonSerializer.DeserializeAsync<CollectRequest>(context.Request.Body, Json, cancellationToken);
        }
        catch (System.Text.Json.JsonException error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON: {error.Message}"] });
        }

        var invalid = request is null ? [new("A JSON body is required.", ["body"])] : RequestValidationFilter.Validate(request);
        if (invalid.Count > 0)
        {
            return TypedResults.ValidationProblem(invalid.ToDictionary(r => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.MemberNames.FirstOrDefault() ?? "body"), r => new[] { r.ErrorMessage ?? "Invalid value." }));
        }

        if (!tokens.TryRead(request!.T, out var contact))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid tracking token",
                detail: "The token is missing, altered or expired; links in newer emails carry a fresh one.");
        }

        workspace.Use(contact.WorkspaceId);
        if (await consent.TrackingRefusalAsync(contact.WorkspaceId, contact.ContactHubSpotId, request.Consent == true, cancellationToken) is not null)
        {
            // Answered like a recorded event: the page learns nothing about the person's choices, and nothing is kept.
            return TypedResults.NoContent();
        }

        var metadata = request.Url is null ? (System.Text.Json.JsonElement?)null
            : System.Text.Json.JsonSerializer.SerializeToElement(new { url = request.Url[..Math.Min(request.Url.Length, 2000)] });
        var result = await intake.IngestAsync(contact.WorkspaceId,
            [new IncomingEvent(request.EventId is null ? null : $"t:{request.EventId}", request.Type, clock.GetUtcNow(), contact.ContactHubSpotId, null, request.ContentId, request.DurationSeconds, metadata)],
            "tracking", cancellationToken);
        return result.Results[0].Status == EventOutcome.Rejected
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Event not recorded", detail: string.Join(" ", result.Results[0].Errors ?? []))
            : TypedResults.NoContent();
    }
}

internal sealed record TrackingTokenResponse(string Token, DateTimeOffset ExpiresAt, string LinkParameter);

/// <summary>What the snippet sends: only page views and downloads can be reported from a public page.</summary>
internal sealed record CollectRequest(
    [property: System.ComponentModel.DataAnnotations.Required] string T,
    [property: System.ComponentModel.DataAnnotations.AllowedValues("website_visit", "content_download", ErrorMessage = "type must be website_visit or content_download.")] string Type,
    Guid? ContentId,
    string? Url,
    [property: System.ComponentModel.DataAnnotations.Range(0, 86400)] int? DurationSeconds,
    [property: System.ComponentModel.DataAnnotations.StringLength(64)] string? EventId,
    bool? Consent = null);
