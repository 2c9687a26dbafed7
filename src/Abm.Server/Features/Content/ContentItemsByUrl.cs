using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Content;

/// <summary>
/// The live library's items by link (<see cref="ContentUrls.Key"/>), loaded once per pull or import so links in
/// email clicks and website events are matched to items the same way. Two items at one address: the older one, consistently.
/// </summary>
internal static class ContentItemsByUrl
{
    public static async Task<Dictionary<string, Guid>> LoadAsync(AbmDbContext database, CancellationToken cancellationToken) =>
        (await database.ContentItems.Where(c => c.ArchivedAt == null && c.Url != null).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Url }).ToListAsync(cancellationToken))
        .Select(c => (Key: ContentUrls.Key(c.Url), c.Id)).Where(c => c.Key is not null)
        .DistinctBy(c => c.Key).ToDictionary(c => c.Key!, c => c.Id);

    /// <summary>The item a link points at, or null.</summary>
    public static Guid? Find(this Dictionary<string, Guid> items, string? url) =>
        ContentUrls.Key(url) is { } key && items.TryGetValue(key, out var item) ? item : null;
}
