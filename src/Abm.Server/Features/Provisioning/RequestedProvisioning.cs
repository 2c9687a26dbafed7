using System.Security.Claims;
using Abm.Data;
using Abm.HubSpot;
using Abm.Server.Features.Audit;

namespace Abm.Server.Features.Provisioning;

/// <summary>
/// Provisioning someone asked for (the API route or <c>abm properties provision</c>), as opposed to the automatic
/// one before write-back: runs it and audits what it created, so either way of asking leaves the same trace.
/// </summary>
internal sealed class RequestedProvisioning(AuditTrail audit, AbmDbContext database)
{
    public async Task<ProvisioningReport> ProvisionAsync(Guid workspaceId, ClaimsPrincipal user, HubSpotClient client, CancellationToken cancellationToken)
    {
        var report = await PropertyProvisioner.ProvisionAsync(client, cancellationToken);
        audit.Record(workspaceId, user, "hubspot.properties_provisioned", "workspace", workspaceId.ToString(),
            new { contacts = report.Contacts.Created, companies = report.Companies.Created });
        await database.SaveChangesAsync(cancellationToken);
        return report;
    }
}
