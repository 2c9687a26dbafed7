using System.Collections.Concurrent;
using Abm.Data;
using Abm.Engines.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Recommendations;

/// <summary>
/// One prepared recommender per workspace, rebuilt when the library changes (its version is the item count
/// and newest update) or the day turns (freshness is measured from the build time).
/// </summary>
internal sealed class RecommenderCache(TimeProvider clock, Microsoft.Extensions.Options.IOptions<RecommendationOptions> options)
{
    private readonly ConcurrentDictionary<Guid, (string Version, ContentRecommender Recommender)> _byWorkspace = new();

    public async Task<(string Version, ContentRecommender Recommender)> GetAsync(AbmDbContext database, Guid workspaceId, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(database, cancellationToken);
        if (_byWorkspace.TryGetValue(workspaceId, out var cached) && cached.Version == version)
        {
            return cached;
        }

        var items = await database.ContentItems.AsNoTracking().Where(c => c.ArchivedAt == null).ToListAsync(cancellationToken);
        var library = items.Select(LibraryMapping.ToEngine).OfType<Abm.Engines.Content.ContentItem>().ToList();
        var built = (version, new ContentRecommender(library, clock.GetUtcNow(), RecommenderSettings.Default with { AllowOtherIndustries = options.Value.AllowOtherIndustries }));
        _byWorkspace[workspaceId] = built;
        return built;
    }

    private async Task<string> VersionAsync(AbmDbContext database, CancellationToken cancellationToken)
    {
        var stats = await database.ContentItems.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Newest = g.Max(c => c.UpdatedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        var day = clock.GetUtcNow().UtcDateTime.Date;
        return $"{stats?.Count ?? 0}:{stats?.Newest.Ticks ?? 0}:{day:yyyyMMdd}";
    }
}
