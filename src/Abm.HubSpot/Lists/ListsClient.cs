using System.Net;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.Lists;

/// <summary>
/// Lists v3: create and find lists, and change the membership of static (MANUAL or SNAPSHOT) ones. Adding a
/// member twice or removing one that is not there changes nothing, so a repeated call is harmless.
/// </summary>
public sealed class ListsClient
{
    /// <summary>Record ids per membership call.</summary>
    public const int ChunkSize = 100;

    /// <summary>HubSpot's largest list search page.</summary>
    public const int MaxSearchCount = 500;

    private readonly HubSpotTransport _transport;

    internal ListsClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>Creates a list of <paramref name="objectTypeId"/> records (<c>POST /crm/v3/lists</c>); MANUAL by default.</summary>
    public async Task<HubSpotList> CreateAsync(string name, string objectTypeId = "0-1", string processingType = "MANUAL", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var answer = await _transport.SendAsync<ListEnvelopeDto>(
            HubSpotRequest.Json(HttpMethod.Post, HubSpotPaths.Lists, new { name, objectTypeId, processingType }), cancellationToken);
        return answer?.List?.ToList() ?? throw new HubSpotApiException("HubSpot created the list but answered without it.");
    }

    /// <summary>The list, or null when HubSpot has no list with that id.</summary>
    public async Task<HubSpotList?> GetAsync(string listId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        try
        {
            return (await _transport.SendAsync<ListEnvelopeDto>(HubSpotRequest.Get(HubSpotPaths.List(listId)), cancellationToken))?.List?.ToList();
        }
        catch (HubSpotApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>One page of lists whose name contains <paramref name="query"/> (every list when null), <c>POST /crm/v3/lists/search</c>.</summary>
    public async Task<HubSpotListPage> SearchAsync(string? query, int offset = 0, int count = 100, CancellationToken cancellationToken = default)
    {
        var body = new { query = query ?? "", offset = Math.Max(0, offset), count = Math.Clamp(count, 1, MaxSearchCount) };
        var answer = await _transport.SendAsync<ListSearchDto>(HubSpotRequest.Json(HttpMethod.Post, HubSpotPaths.ListSearch, body), cancellationToken);
        var lists = (answer?.Lists ?? []).Where(l => !string.IsNullOrEmpty(l.ListId)).Select(l => l.ToList()).ToList();
        return new HubSpotListPage(lists, answer?.Total ?? lists.Count, answer is { HasMore: true, Offset: { } next } ? next : null);
    }

    /// <summary>Adds the records to the list, 100 per call; says which were added and which HubSpot does not have.</summary>
    public Task<ListMembershipChange> AddAsync(string listId, IReadOnlyList<string> recordIds, CancellationToken cancellationToken = default) =>
        EditAsync(listId, "add", recordIds, cancellationToken);

    /// <summary>Removes the records from the list, 100 per call; says which were removed and which HubSpot does not have.</summary>
    public Task<ListMembershipChange> RemoveAsync(string listId, IReadOnlyList<string> recordIds, CancellationToken cancellationToken = default) =>
        EditAsync(listId, "remove", recordIds, cancellationToken);

    /// <summary>One page of the list's members (up to 250) from the cursor <paramref name="after"/> (null: the first page).</summary>
    public async Task<ListMembershipPage> MembershipPageAsync(string listId, string? after = null, int pageSize = 250, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        var path = HubSpotPaths.WithQuery(HubSpotPaths.ListMembers(listId), ("limit", Math.Clamp(pageSize, 1, 250)), ("after", after));
        var page = await _transport.SendAsync<Crm.PageDto<MembershipDto>>(HubSpotRequest.Get(path), cancellationToken);
        var members = (page?.Results ?? []).Where(m => !string.IsNullOrEmpty(m.RecordId)).Select(m => new ListMembership(m.RecordId!, m.MembershipTimestamp)).ToList();
        return new ListMembershipPage(members, page?.NextAfter, page?.Total);
    }

    /// <summary>
    /// Every member of the list, a page of up to <paramref name="pageSize"/> (250 at most) per call, with the time each
    /// joined (<c>GET /crm/v3/lists/{id}/memberships</c>).
    /// </summary>
    public IAsyncEnumerable<IReadOnlyList<ListMembership>> MembershipsAsync(string listId, int pageSize = 250, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        return Pages(listId, pageSize, cancellationToken);
    }

    private async IAsyncEnumerable<IReadOnlyList<ListMembership>> Pages(string listId, int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in CursorPaging.ReadAllAsync((after, ct) => MembershipPageAsync(listId, after, pageSize, ct), page => page.NextAfter, null, cancellationToken))
        {
            yield return page.Members;
        }
    }

    private sealed record MembershipDto(string? RecordId, DateTimeOffset? MembershipTimestamp);

    private async Task<ListMembershipChange> EditAsync(string listId, string action, IReadOnlyList<string> recordIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        ArgumentNullException.ThrowIfNull(recordIds);
        var (changed, missing) = (new List<string>(), new List<string>());
        foreach (var chunk in recordIds.Chunk(ChunkSize))
        {
            var answer = await _transport.SendAsync<MembershipChangeDto>(HubSpotRequest.Json(HttpMethod.Put, HubSpotPaths.ListMemberships(listId, action), chunk), cancellationToken);
            // HubSpot spells the added field "recordsIdsAdded"; the corrected spelling is read too.
            changed.AddRange(action == "add" ? (answer?.RecordsIdsAdded ?? answer?.RecordIdsAdded ?? []) : (answer?.RecordIdsRemoved ?? []));
            missing.AddRange(answer?.RecordIdsMissing ?? []);
        }

        return new ListMembershipChange(changed, missing);
    }
}
