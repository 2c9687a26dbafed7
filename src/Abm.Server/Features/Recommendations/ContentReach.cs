using Abm.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Abm.Server.Features.Recommendations;

/// <summary>
/// How many distinct contacts of the workspace engaged with each library item in the last 90 days: what the
/// popularity strategy ranks by. Counted in one grouped query and kept for 10 minutes per workspace, so a popularity
/// arm costs one query per workspace every ten minutes rather than one per recommendation.
/// </summary>
internal sealed class ContentReach(AbmDbContext database, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    /// <summary>Distinct contacts per item id (the engine's string form); items nobody engaged with are absent.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ByItemAsync(CancellationToken cancellationToken)
    {
        var key = (nameof(ContentReach), database.CurrentWorkspaceId!.Value);
        if (cache.TryGetValue(key, out IReadOnlyDictionary<string, int>? known))
        {
            return known!;
        }

        var since = clock.GetUtcNow().UtcDateTime - Window;
        var counted = await database.EngagementEvents.AsNoTracking().Where(e => e.OccurredAt >= since && e.ContentId != null)
            .Select(e => new { ContentId = e.ContentId!.Value, e.ContactId }).Distinct()
            .GroupBy(e => e.ContentId).Select(g => new { g.Key, Contacts = g.Count() })
            .ToDictionaryAsync(g => g.Key.ToString(), g => g.Contacts, cancellationToken);
        return cache.Set<IReadOnlyDictionary<string, int>>(key, counted, Kept);
    }
}
