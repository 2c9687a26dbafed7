using Abm.HubSpot.Http;

namespace Abm.HubSpot.Lists;

/// <summary>
/// Membership of static (MANUAL or SNAPSHOT) lists, lists v3. Adding a member twice or removing one that is not
/// there changes nothing, so a repeated call is harmless.
/// </summary>
public sealed class ListsClient
{
    /// <summary>Record ids per membership call.</summary>
    public const int ChunkSize = 100;

    private readonly HubSpotTransport _transport;

    internal ListsClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>Adds the records to the list, 100 per call.</summary>
    public Task AddAsync(string listId, IReadOnlyList<string> recordIds, CancellationToken cancellationToken = default) =>
        EditAsync(listId, "add", recordIds, cancellationToken);

    /// <summary>Removes the records from the list, 100 per call.</summary>
    public Task RemoveAsync(string listId, IReadOnlyList<string> recordIds, CancellationToken cancellationToken = default) =>
        EditAsync(listId, "remove", recordIds, cancellationToken);

    private async Task EditAsync(string listId, string action, IReadOnlyList<string> recordIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        ArgumentNullException.ThrowIfNull(recordIds);
        foreach (var chunk in recordIds.Chunk(ChunkSize))
        {
            await _transport.SendAsync<object>(HubSpotRequest.Json(HttpMethod.Put, HubSpotPaths.ListMemberships(listId, action), chunk), cancellationToken);
        }
    }
}
