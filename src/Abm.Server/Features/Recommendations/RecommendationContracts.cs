using Abm.Engines;
using Abm.Engines.Recommendations;

namespace Abm.Server.Features.Recommendations;

internal sealed record FactorResponse(double Industry, double Persona, double Stage, double EngagementHistory, double Freshness, double Performance);

internal sealed record RecommendationItem(int Rank, Guid ContentId, string Title, string ContentType, double Score, FactorResponse Factors, string Reason)
{
    public static RecommendationItem From(ContentRecommendation r) => new(
        r.Rank, Guid.Parse(r.ContentId), r.Title, r.Type.ToWireName(), r.Score,
        new FactorResponse(r.Contributions.Industry, r.Contributions.Persona, r.Contributions.Stage,
            r.Contributions.EngagementHistory, r.Contributions.Freshness, r.Contributions.Performance),
        r.Reason);
}

internal sealed record RecommendationsResponse(Guid ContactId, DateTime GeneratedAt, bool FromCache, IReadOnlyList<RecommendationItem> Items);
