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
/// (an approved fit, or the defaults back); also one per running experiment arm, each with the arm's weights.
/// </summary>
internal sealed class RecommenderCache(TimeProvider clock, Microsoft.Extensions.Options.IOptions<RecommendationOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Keyed by workspace and weights: the weights in force, and those of a running experiment's arms.
    private readonly ConcurrentDictionary<(Guid Workspace, string Weights), (string Version, ContentRecommender Recommender)> _built = new();

    /// <summary>The recommender with the weights in force (an approved fit's, or the defaults).</summary>
    public async Task<(string Version, ContentRecommender Recommender)> GetAsync(AbmDbContext database, Guid workspaceId, CancellationToken cancellationToken)
    {
        var weights = await database.RecommenderWeightFits.Where(f => f.Status == WeightFitStatuses.Active)
            .Select(f => new { f.Id, f.FittedWeights }).FirstOrDefaultAsync(cancellationToken);
        return await GetAsync(database, workspaceId, weights?.Id.ToString("N") ?? "default",
            weights is null ? RelevanceWeights.Default : JsonSerializer.Deserialize<WeightsDocument>(weights.FittedWeights, Json)!.ToEngine(), cancellationToken);
    }

    /// <summary>A recommender with the given weights, known by <paramref name="weightsKey"/> (an experiment arm's, say).</summary>
    public async Task<(string Version, ContentRecommender Recommender)> GetAsync(
        AbmDbContext database, Guid workspaceId, string weightsKey, RelevanceWeights weights, CancellationToken cancellationToken)
    {
        var version = $"{await VersionAsync(database, cancellationToken)}:{weightsKey}";
        if (_built.TryGetValue((workspaceId, weightsKey), out var cached) && cached.Version == version)
        {
            return cached;
        }

        var items = await database.ContentItems.AsNoTracking().Where(c => c.ArchivedAt == null).ToListAsync(cancellationToken);
        var library = items.Select(LibraryMapping.ToEngine).OfType<Abm.Engines.Content.ContentItem>().ToList();
        var settings = RecommenderSettings.Default with { AllowOtherIndustries = options.Value.AllowOtherIndustries, Weights = weights };
        var built = (version, new ContentRecommender(library, clock.GetUtcNow(), settings));
        _built[(workspaceId, weightsKey)] = built;
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
