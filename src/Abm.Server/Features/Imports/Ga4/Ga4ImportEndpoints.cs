using System.Security.Claims;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Imports.Ga4;

/// <summary>GA4 export upload: one newline-delimited JSON file as the body (Content-Type application/x-ndjson), within the upload limit.</summary>
internal static class Ga4ImportEndpoints
{
    public static IServiceCollection AddGa4Import(this IServiceCollection services) => services.AddScoped<Ga4Import>();

    public static RouteGroupBuilder MapGa4ImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/ga4", ImportAsync).WithTags("Events").WithName("ImportGa4Events")
            .WithSummary("Import a GA4 BigQuery export (newline-delimited JSON): page views, scrolls, downloads and form events become engagement events.")
            .RequireAuthorization(AccessPolicies.Marketing).Accepts<string>("application/x-ndjson");
        return api;
    }

    private static async Task<Results<Ok<Ga4ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, Ga4Import import, CancellationToken cancellationToken)
    {
        var (file, problem) = await CsvUpload.ReceiveAsync(request, UploadKind.Ndjson, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await using (file)
        {
            return TypedResults.Ok(await import.ImportAsync([Ga4Source.OfUpload(file!)], user.WorkspaceId(), null, cancellationToken));
        }
    }
}
