using Abm.Engines.Content;

namespace Abm.Engines.Recommendations;

/// <summary>
/// Ranks a content library for a contact by six-factor relevance, excludes what the contact already consumed,
/// keeps the top-K varied across formats, and explains every pick. Build one per library version and instant
/// (item features are computed once in the constructor); <see cref="Recommend"/> is safe to call concurrently.
/// </summary>
public sealed class ContentRecommender
{
    private readonly PreparedLibrary _library;
    private readonly RecommenderSettings _settings;

    /// <summary>Prepares <paramref name="library"/> for recommending as of <paramref name="now"/>.</summary>
    public ContentRecommender(IReadOnlyList<ContentItem> library, DateTimeOffset now, RecommenderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _library = new PreparedLibrary(library, now, settings);
    }

    /// <summary>The prepared library, for the weight fitter, which scores the same features under other weights.</summary>
    internal PreparedLibrary Library => _library;

    /// <summary>The settings this recommender was built with.</summary>
    internal RecommenderSettings Settings => _settings;

    /// <summary>
    /// Whether <paramref name="item"/> may be recommended to <paramref name="context"/> at all: not consumed, not
    /// ruled out, and not written for other industries only (unless the settings allow it).
    /// </summary>
    internal bool IsCandidate(int item, ContactContext context) =>
        !context.Consumed[item] && !context.Excluded[item]
        && (_settings.AllowOtherIndustries || RelevanceFactors.Industry(_library.Industries[item], context) != 0);

    /// <summary>
    /// The best <paramref name="k"/> items for <paramref name="contact"/>, best first (fewer when fewer are left).
    /// Variety rule: walking candidates from the most relevant down, an item is skipped while its format already
    /// has <see cref="RecommenderSettings.MaxPerFormat"/> picks; skipped items fill any slots left at the end.
    /// Equal scores rank by item id.
    /// </summary>
    public IReadOnlyList<ContentRecommendation> Recommend(ContactProfile contact, int k)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);

        var context = new ContactContext(contact, _library);
        var itemCount = _library.Items.Length;
        var scores = new double[itemCount];
        for (var item = 0; item < itemCount; item++)
        {
            scores[item] = IsCandidate(item, context)
                ? RelevanceFactors.Contributions(_library, item, context, _settings.Weights).Total
                : double.NegativeInfinity;
        }

        var picks = VariedPicks.Pick(scores, k, _library.Types, _settings.MaxPerFormat);
        VariedPicks.SortShown(picks, scores);
        return [.. picks.Select((item, rank) => Explain(item, rank + 1, context))];
    }

    /// <summary>
    /// The popularity strategy, the baseline an experiment compares the recommender with: the <paramref name="k"/>
    /// candidates most contacts engaged with (<paramref name="reach"/>, by item id; an item absent from it has none),
    /// most first, ties by item id, with no variety rule. Candidates are the same as <see cref="Recommend"/>'s (nothing
    /// consumed or ruled out, no other industry's item), so only the ranking differs. Each pick still carries its six
    /// contributions under this recommender's weights; its reason says how many engaged with it.
    /// </summary>
    public IReadOnlyList<ContentRecommendation> RecommendPopular(ContactProfile contact, IReadOnlyDictionary<string, int> reach, int k)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(reach);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);

        var context = new ContactContext(contact, _library);
        var picks = Enumerable.Range(0, _library.Items.Length).Where(item => IsCandidate(item, context))
            .OrderByDescending(item => reach.GetValueOrDefault(_library.Items[item].Id)).ThenBy(item => _library.Items[item].Id, StringComparer.Ordinal)
            .Take(k);
        return [.. picks.Select((item, rank) => Explain(item, rank + 1, context, RecommendationReason.Popular(_library.Items[item], reach.GetValueOrDefault(_library.Items[item].Id))))];
    }

    private ContentRecommendation Explain(int item, int rank, ContactContext contact, string? reason = null)
    {
        var contributions = RelevanceFactors.Contributions(_library, item, contact, _settings.Weights);
        var content = _library.Items[item];
        return new ContentRecommendation(
            rank,
            content.Id,
            content.Title,
            content.Type,
            contributions.Total,
            contributions,
            reason ?? RecommendationReason.Describe(content, contributions, contact.Profile, RecommendationReason.Behaviour(_library, item, contact)));
    }
}
