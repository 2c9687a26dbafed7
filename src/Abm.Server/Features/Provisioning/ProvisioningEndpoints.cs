using System.Security.Claims;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Provisioning;

internal static class ProvisioningEndpoints
{
    public static RouteGroupBuilder MapProvisioningEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/hubspot/properties/provision", ProvisionAsync).WithTags("HubSpot").WithName("ProvisionProperties")
            .RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Create the abm_engine property group and every abm_* / ai_* property the portal lacks.");
        return api;
    }

    private static async Task<Results<Ok<ProvisioningReport>, ProblemHttpResult>> ProvisionAsync(
        ClaimsPrincipal user, HubSpotClients clients, RequestedProvisioning provisioning, CancellationToken cancellationToken)
    {
        if (await clients.GetAsync(user.WorkspaceId(), cancellationToken) is not { } client)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No HubSpot connection",
                detail: "This workspace is not connected to a HubSpot portal; connect one through /api/connections (or HUBSPOT_API_KEY for the default workspace).");
        }

        return TypedResults.Ok(await provisioning.ProvisionAsync(user.WorkspaceId(), user, client, cancellationToken));
    }
}
