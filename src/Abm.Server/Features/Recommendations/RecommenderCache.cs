using System.Collections.Concurrent;
using System.Text.Json;
using Abm.Data;
using Abm.Engines.Recommendations;
using Abm.Server.Features.Recommendations.Fitting;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Recommendations;

/// <summary>
/// One prepared recommender per workspace, rebuilt when the library changes (its version is the item count
/// and newest update), the day turns (freshness is measured from the build time) or other weights come into force
/// (an approved fit, or the defaults back).
/// </summary>
internal sealed class RecommenderCache(TimeProvider clock, Microsoft.Extensions.Options.IOptions<RecommendationOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<Guid, (string Version, ContentRecommender Recommender)> _byWorkspace = new();

    public async Task<(string Version, ContentRecommender Recommender)> GetAsync(AbmDbContext database, Guid workspaceId, CancellationToken cancellationToken)
    {
        var weights = await database.RecommenderWeightFits.Where(f => f.Status == WeightFitStatuses.Active)
            .Select(f => new { f.Id, f.FittedWeights }).FirstOrDefaultAsync(cancellationToken);
        var version = $"{await VersionAsync(database, cancellationToken)}:{weights?.Id.ToString("N") ?? "default"}";
        if (_byWorkspace.TryGetValue(workspaceId, out var cached) && cached.Version == version)
        {
            return cached;
        }

        var items = await database.ContentItems.AsNoTracking().Where(c => c.ArchivedAt == null).ToListAsync(cancellationToken);
        var library = items.Select(LibraryMapping.ToEngine).OfType<Abm.Engines.Content.ContentItem>().ToList();
        var settings = RecommenderSettings.Default with
        {
            AllowOtherIndustries = options.Value.AllowOtherIndustries,
            Weights = weights is null ? RelevanceWeights.Default : JsonSerializer.Deserialize<WeightsDocument>(weights.FittedWeights, Json)!.ToEngine(),
        };
        var built = (version, new ContentRecommender(library, clock.GetUtcNow(), settings));
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
