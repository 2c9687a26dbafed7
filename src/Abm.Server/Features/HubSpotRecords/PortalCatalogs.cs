using Abm.HubSpot;
using Abm.HubSpot.Pipelines;
using Abm.HubSpot.Properties;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// The property definitions and deal pipelines of each workspace's portal, read through the workspace's client and
/// cached (<see cref="CachedPortalData{T}"/>): writes are checked against them before anything is sent to HubSpot.
/// </summary>
internal sealed class PortalCatalogs(TimeProvider clock)
{
    private readonly CachedPortalData<IReadOnlyDictionary<string, PropertyDefinition>> _properties = new(clock);
    private readonly CachedPortalData<IReadOnlyList<Pipeline>> _pipelines = new(clock);

    public async Task<IReadOnlyDictionary<string, PropertyDefinition>> PropertiesAsync(Guid workspaceId, HubSpotClient client, string objectType, CancellationToken cancellationToken) =>
        (await _properties.GetAsync(workspaceId, objectType, client, ct => ReadPropertiesAsync(client, objectType, ct), cancellationToken)).Value;

    /// <summary>The definitions read again for properties they lack (created in HubSpot since), or null when they were already read again for those.</summary>
    public async Task<IReadOnlyDictionary<string, PropertyDefinition>?> ReloadPropertiesAsync(
        Guid workspaceId, HubSpotClient client, string objectType, IReadOnlyCollection<string> missing, CancellationToken cancellationToken) =>
        (await _properties.ReloadAsync(workspaceId, objectType, client, missing, ct => ReadPropertiesAsync(client, objectType, ct), cancellationToken))?.Value;

    public Task<CachedPortalData<IReadOnlyList<Pipeline>>.Entry> PipelinesAsync(Guid workspaceId, HubSpotClient client, CancellationToken cancellationToken) =>
        _pipelines.GetAsync(workspaceId, PipelinesClient.Deals, client, ct => client.Pipelines.ListAsync(PipelinesClient.Deals, ct), cancellationToken);

    /// <summary>The pipelines read again for a pipeline or stage id they lack (added in HubSpot since), or null when already read again for it.</summary>
    public Task<CachedPortalData<IReadOnlyList<Pipeline>>.Entry?> ReloadPipelinesAsync(Guid workspaceId, HubSpotClient client, string missing, CancellationToken cancellationToken) =>
        _pipelines.ReloadAsync(workspaceId, PipelinesClient.Deals, client, [missing], ct => client.Pipelines.ListAsync(PipelinesClient.Deals, ct), cancellationToken);

    private static async Task<IReadOnlyDictionary<string, PropertyDefinition>> ReadPropertiesAsync(HubSpotClient client, string objectType, CancellationToken cancellationToken) =>
        (await client.Properties.ListAsync(objectType, cancellationToken)).ToDictionary(p => p.Name, StringComparer.Ordinal);
}
