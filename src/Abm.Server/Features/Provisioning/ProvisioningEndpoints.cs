using System.Security.Claims;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
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
        ClaimsPrincipal user, HubSpotClients clients, AuditTrail audit, Abm.Data.AbmDbContext database, CancellationToken cancellationToken)
    {
        if (await clients.GetAsync(user.WorkspaceId(), cancellationToken) is not { } client)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No HubSpot connection",
                detail: "This workspace is not connected to a HubSpot portal; connect one through /api/connections (or HUBSPOT_API_KEY for the default workspace).");
        }

        var report = await PropertyProvisioner.ProvisionAsync(client, cancellationToken);
        audit.Record(user.WorkspaceId(), user, "hubspot.properties_provisioned", "workspace", user.WorkspaceId().ToString(),
            new { contacts = report.Contacts.Created, companies = report.Companies.Created });
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(report);
    }
}
