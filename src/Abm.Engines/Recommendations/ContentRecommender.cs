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
            scores[item] = context.Consumed[item] || context.Excluded[item]
                || (!_settings.AllowOtherIndustries && RelevanceFactors.Industry(_library.Industries[item], context) == 0)
                ? double.NegativeInfinity
                : RelevanceFactors.Contributions(_library, item, context, _settings.Weights).Total;
        }

        var picks = PickVaried(scores, k);
        return
        [
            .. picks
                .OrderByDescending(item => scores[item])
                .ThenBy(item => item)
                .Select((item, rank) => Explain(item, rank + 1, context)),
        ];
    }

    private List<int> PickVaried(double[] scores, int k)
    {
        var picks = new List<int>(k);
        var taken = new bool[scores.Length];
        var perFormat = new int[Enum.GetValues<ContentType>().Length];
        // First pass respects the per-format cap; the second fills what is left from the best skipped items.
        foreach (var respectCap in (ReadOnlySpan<bool>)[true, false])
        {
            while (picks.Count < k)
            {
                var best = -1;
                for (var item = 0; item < scores.Length; item++)
                {
                    if (!taken[item] && !double.IsNegativeInfinity(scores[item])
                        && (!respectCap || perFormat[(int)_library.Types[item]] < _settings.MaxPerFormat)
                        && (best < 0 || scores[item] > scores[best]))
                    {
                        best = item;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                taken[best] = true;
                perFormat[(int)_library.Types[best]]++;
                picks.Add(best);
            }
        }

        return picks;
    }

    private ContentRecommendation Explain(int item, int rank, ContactContext contact)
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
            RecommendationReason.Describe(content, contributions, contact.Profile, RecommendationReason.Behaviour(_library, item, contact)));
    }
}
