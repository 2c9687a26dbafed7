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

    /// <summary>
    /// Every member of the list, a page of up to <paramref name="pageSize"/> (250 at most) per call, with the time each
    /// joined (<c>GET /crm/v3/lists/{id}/memberships</c>).
    /// </summary>
    public IAsyncEnumerable<IReadOnlyList<ListMembership>> MembershipsAsync(string listId, int pageSize = 250, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        var limit = Math.Clamp(pageSize, 1, 250).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Pages(listId, limit, cancellationToken);
    }

    private async IAsyncEnumerable<IReadOnlyList<ListMembership>> Pages(string listId, string limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in CursorPaging.ReadAllAsync(
            (after, ct) => _transport.SendAsync<Crm.PageDto<MembershipDto>>(
                HubSpotRequest.Get($"{HubSpotPaths.ListMembers(listId)}?limit={limit}{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}"), ct),
            page => page?.NextAfter,
            null,
            cancellationToken))
        {
            yield return [.. (page?.Results ?? []).Where(m => !string.IsNullOrEmpty(m.RecordId)).Select(m => new ListMembership(m.RecordId!, m.MembershipTimestamp))];
        }
    }

    private sealed record MembershipDto(string? RecordId, DateTimeOffset? MembershipTimestamp);

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
