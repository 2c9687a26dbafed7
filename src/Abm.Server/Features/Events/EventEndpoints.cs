using System.Security.Claims;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Events;

internal static class EventEndpoints
{
    public static IServiceCollection AddEvents(this IServiceCollection services) => services.AddScoped<EventIntake>();

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Events").RequireAuthorization(AccessPolicies.Marketing);
        group.MapPost("/", IngestAsync).WithName("IngestEvents")
            .WithSummary("Store up to 1,000 engagement events; each item gets its own result.");
        return group;
    }

    private static async Task<Ok<EventBatchResponse>> IngestAsync(
        EventBatchRequest request, ClaimsPrincipal user, EventIntake intake, CancellationToken cancellationToken) =>
        TypedResults.Ok(await intake.IngestAsync(user.WorkspaceId(), request.Events, "api", cancellationToken));
}
