using Abm.Engines;
using Abm.Engines.Recommendations;

namespace Abm.Server.Features.Recommendations;

internal sealed record FactorResponse(double Industry, double Persona, double Stage, double EngagementHistory, double Freshness, double Performance);

/// <summary>
/// A recommended item with where to find it: its URL and the id it has in the caller's own content system.
/// Verdict is <c>approved</c> once someone approved it for this contact, else null (skipped items are not recommended).
/// </summary>
internal sealed record RecommendationItem(
    int Rank, Guid ContentId, string Title, string ContentType, string? Url, string? ExternalId, double Score, FactorResponse Factors, string Reason, string? Verdict = null)
{
    public static RecommendationItem From(ContentRecommendation r, (string? Url, string? ExternalId) location, string? verdict) => new(
        r.Rank, Guid.Parse(r.ContentId), r.Title, r.Type.ToWireName(), location.Url, location.ExternalId, r.Score,
        new FactorResponse(r.Contributions.Industry, r.Contributions.Persona, r.Contributions.Stage,
            r.Contributions.EngagementHistory, r.Contributions.Freshness, r.Contributions.Performance),
        r.Reason, verdict);
}

internal sealed record RecommendationsResponse(Guid ContactId, DateTime GeneratedAt, bool FromCache, IReadOnlyList<RecommendationItem> Items);

internal sealed record FeedbackRequest(string? Verdict);
