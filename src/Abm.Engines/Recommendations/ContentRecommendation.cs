using Abm.Engines.Content;

namespace Abm.Engines.Recommendations;

/// <summary>One recommended item with its relevance, the factors behind it and a one-line reason.</summary>
/// <param name="Rank">1 for the best recommendation.</param>
/// <param name="ContentId">The item's id.</param>
/// <param name="Title">The item's title.</param>
/// <param name="Type">The item's format.</param>
/// <param name="Score">Relevance 0..1, equal to <c>Contributions.Total</c>.</param>
/// <param name="Contributions">Per-factor contributions.</param>
/// <param name="Reason">A human sentence naming the strongest factors.</param>
public sealed record ContentRecommendation(
    int Rank,
    string ContentId,
    string Title,
    ContentType Type,
    double Score,
    FactorContributions Contributions,
    string Reason);
