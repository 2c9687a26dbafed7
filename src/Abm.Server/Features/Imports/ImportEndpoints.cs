using System.Security.Claims;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Imports;

/// <summary>CSV uploads: send the file as the request body with Content-Type text/csv.</summary>
internal static class ImportEndpoints
{
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddScoped<ContentImport>().AddScoped<EventImport>();

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/content/import", ImportContentAsync).WithTags("Content library").WithName("ImportContent")
            .RequireAuthorization(AccessPolicies.Marketing).Accepts<string>("text/csv");
        api.MapPost("/events/import", ImportEventsAsync).WithTags("Events").WithName("ImportEvents")
            .RequireAuthorization(AccessPolicies.Marketing).Accepts<string>("text/csv");
        return api;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportContentAsync(
        HttpRequest request, ClaimsPrincipal user, ContentImport import, CancellationToken cancellationToken) =>
        Refuse(request) ?? (Results<Ok<ImportReport>, ProblemHttpResult>)TypedResults.Ok(await import.ImportAsync(request.Body, user, cancellationToken));

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportEventsAsync(
        HttpRequest request, ClaimsPrincipal user, EventImport import, CancellationToken cancellationToken) =>
        Refuse(request) ?? (Results<Ok<ImportReport>, ProblemHttpResult>)TypedResults.Ok(await import.ImportAsync(request.Body, user, cancellationToken));

    private static ProblemHttpResult? Refuse(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "CSV expected",
                detail: "Send the file as the request body with 'Content-Type: text/csv'.");
        }

        if (request.ContentLength > MaxUploadBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
                detail: $"Files up to {MaxUploadBytes / (1024 * 1024)} MB are accepted; split larger ones.");
        }

        return null;
    }
}
