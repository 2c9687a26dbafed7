using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Properties;

namespace Abm.Server.Features.Provisioning;

internal sealed record ProvisioningReport(PropertyEnsureResult Contacts, PropertyEnsureResult Companies);

/// <summary>Creates the abm_engine group and every property that is missing; existing ones are left alone.</summary>
internal static class PropertyProvisioner
{
    public static async Task<ProvisioningReport> ProvisionAsync(HubSpotClient client, CancellationToken cancellationToken) => new(
        await client.Properties.EnsureAsync(CrmObjectTypes.Contacts, AbmPropertyCatalog.Group, AbmPropertyCatalog.Contacts, cancellationToken),
        await client.Properties.EnsureAsync(CrmObjectTypes.Companies, AbmPropertyCatalog.Group, AbmPropertyCatalog.Companies, cancellationToken));
}
