using Abm.HubSpot.Crm;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.Owners;

/// <summary>The owners API: the portal's users who can own contacts, companies and deals.</summary>
public sealed class OwnersClient
{
    /// <summary>HubSpot's largest owners page.</summary>
    public const int MaxPageSize = 100;

    private readonly HubSpotTransport _transport;

    internal OwnersClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>
    /// One page of owners, optionally only the one with <paramref name="email"/>; pass the previous page's
    /// <see cref="OwnerPage.After"/> to continue. <paramref name="pageSize"/> is kept within 1 to 100.
    /// </summary>
    public async Task<OwnerPage> ListPageAsync(string? after = null, string? email = null, int pageSize = MaxPageSize, CancellationToken cancellationToken = default)
    {
        var path = HubSpotPaths.WithQuery(HubSpotPaths.Owners, ("limit", Math.Clamp(pageSize, 1, MaxPageSize)), ("after", after), ("email", email));
        var page = await _transport.SendAsync<PageDto<OwnerDto>>(HubSpotRequest.Get(path), cancellationToken);
        return new OwnerPage((page?.Results ?? []).Select(o => o.ToOwner()).ToList(), page?.NextAfter);
    }

    /// <summary>Every owner (or the ones with <paramref name="email"/>), one call per page.</summary>
    public async IAsyncEnumerable<HubSpotOwner> ListAllAsync(
        string? email = null,
        int pageSize = MaxPageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pages = CursorPaging.ReadAllAsync((cursor, ct) => ListPageAsync(cursor, email, pageSize, ct), page => page.After, null, cancellationToken);
        await foreach (var page in pages)
        {
            foreach (var owner in page.Results)
            {
                yield return owner;
            }
        }
    }
}
