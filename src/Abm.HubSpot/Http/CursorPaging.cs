using System.Runtime.CompilerServices;

namespace Abm.HubSpot.Http;

/// <summary>Walks a cursor-paged HubSpot listing (CRM <c>after</c>, email events <c>offset</c>) one call per page.</summary>
internal static class CursorPaging
{
    /// <summary>Every page from <paramref name="cursor"/> (null: the first) until a page names no next cursor.</summary>
    public static async IAsyncEnumerable<TPage> ReadAllAsync<TPage>(
        Func<string?, CancellationToken, Task<TPage>> readPage,
        Func<TPage, string?> nextCursorOf,
        string? cursor,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var page = await readPage(cursor, cancellationToken);
            yield return page;
            cursor = nextCursorOf(page);
        }
        while (cursor is not null);
    }
}
