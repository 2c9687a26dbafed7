using System.Security.Claims;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Imports;

/// <summary>CSV uploads: send the file as the request body with Content-Type text/csv.</summary>
internal static class ImportEndpoints
{
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

    private static Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportContentAsync(
        HttpRequest request, ClaimsPrincipal user, ContentImport import, CancellationToken cancellationToken) =>
        ImportAsync(request, file => import.ImportAsync(file, user, cancellationToken), cancellationToken);

    private static Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportEventsAsync(
        HttpRequest request, ClaimsPrincipal user, EventImport import, CancellationToken cancellationToken) =>
        ImportAsync(request, file => import.ImportAsync(file, user, cancellationToken), cancellationToken);

    /// <summary>Receives the CSV body (size-limited, into a temporary file) and runs an import over it: every CSV import goes through here.</summary>
    internal static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, Func<Stream, Task<ImportReport>> import, CancellationToken cancellationToken)
    {
        var (file, problem) = await CsvUpload.ReceiveAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await using (file)
        {
            return TypedResults.Ok(await import(file!));
        }
    }
}
