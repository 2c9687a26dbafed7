using System.Net;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.Properties;

/// <summary>The CRM properties API: list an object type's properties, create groups and properties, and provision idempotently.</summary>
public sealed class PropertiesClient
{
    private readonly HubSpotTransport _transport;

    internal PropertiesClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>Every property of <paramref name="objectType"/> (HubSpot's own and custom ones); one call.</summary>
    public async Task<IReadOnlyList<PropertyDefinition>> ListAsync(string objectType, CancellationToken cancellationToken = default)
    {
        var list = await _transport.SendAsync<PropertyListDto<PropertyDto>>(HubSpotRequest.Get(HubSpotPaths.Properties(objectType)), cancellationToken);
        return (list?.Results ?? []).Select(p => p.ToDefinition()).ToList();
    }

    /// <summary>Every property group of <paramref name="objectType"/>; one call.</summary>
    public async Task<IReadOnlyList<PropertyGroup>> ListGroupsAsync(string objectType, CancellationToken cancellationToken = default)
    {
        var list = await _transport.SendAsync<PropertyListDto<PropertyGroupDto>>(HubSpotRequest.Get(HubSpotPaths.PropertyGroups(objectType)), cancellationToken);
        return (list?.Results ?? []).Select(g => g.ToGroup()).ToList();
    }

    /// <summary>Creates a property group; a duplicate name is a <see cref="HubSpotApiException"/> with status 409.</summary>
    public async Task<PropertyGroup> CreateGroupAsync(string objectType, PropertyGroup group, CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync<PropertyGroupDto>(HubSpotRequest.Json(HttpMethod.Post, HubSpotPaths.PropertyGroups(objectType), group), cancellationToken))?.ToGroup() ?? group;

    /// <summary>
    /// Creates a property; a duplicate name is a <see cref="HubSpotApiException"/> with status 409, an invalid
    /// definition (e.g. a type/fieldType pair HubSpot does not accept) one with category <c>VALIDATION_ERROR</c>.
    /// </summary>
    public async Task<PropertyDefinition> CreateAsync(string objectType, PropertyDefinition property, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(property);
        var request = HubSpotRequest.Json(HttpMethod.Post, HubSpotPaths.Properties(objectType), PropertyCreateDto.From(property));
        return (await _transport.SendAsync<PropertyDto>(request, cancellationToken))?.ToDefinition() ?? property;
    }

    /// <summary>
    /// Makes sure the group and every property exist, creating only what is missing. Existing definitions are
    /// never changed; each property names its group (normally <paramref name="group"/>). Reads the groups and properties first (two calls) so a second run sends no writes at all;
    /// a 409 from a concurrent run creating the same name counts as already present.
    /// </summary>
    public async Task<PropertyEnsureResult> EnsureAsync(string objectType, PropertyGroup group, IReadOnlyList<PropertyDefinition> properties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(properties);
        var groups = await ListGroupsAsync(objectType, cancellationToken);
        var groupCreated = false;
        if (!groups.Any(g => g.Name == group.Name))
        {
            groupCreated = await CreateUnlessExistsAsync(() => CreateGroupAsync(objectType, group, cancellationToken));
        }

        var existing = (await ListAsync(objectType, cancellationToken)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var created = new List<string>();
        var present = new List<string>();
        foreach (var property in properties)
        {
            var isNew = !existing.Contains(property.Name)
                && await CreateUnlessExistsAsync(() => CreateAsync(objectType, property, cancellationToken));
            (isNew ? created : present).Add(property.Name);
        }

        return new PropertyEnsureResult(groupCreated, created, present);
    }

    /// <summary>Runs a create; false when HubSpot says the name already exists (409 <c>OBJECT_ALREADY_EXISTS</c> or <c>CONFLICT</c>).</summary>
    private static async Task<bool> CreateUnlessExistsAsync<T>(Func<Task<T>> create)
    {
        try
        {
            await create();
            return true;
        }
        catch (HubSpotApiException exception) when (IsAlreadyExists(exception))
        {
            return false;
        }
    }

    private static bool IsAlreadyExists(HubSpotApiException exception) =>
        exception.StatusCode == HttpStatusCode.Conflict || exception.Category is "OBJECT_ALREADY_EXISTS" or "CONFLICT";
}
