using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Engines.Recommendations.Evaluation;

namespace Abm.RecommenderQuality;

/// <summary>
/// Judges the server's recommendations and the two baselines on the same contacts (every buyer the truth knows),
/// the same candidates (the library minus what the contact already consumed) and the same hidden grades.
/// </summary>
internal sealed class RecommenderEvaluation(AbmHistory history, HiddenRelevance truth, HttpClient api, QualityRunOptions options)
{
    public const string Ours = "ABM recommender";
    public const string Popularity = "popularity";
    public const string Random = "random";
    public const string OursFitted = "ABM, fitted";

    /// <summary>
    /// The three policies, then the server's weights fitted on its own history; when the server proposes the fit it
    /// is approved and the server's recommendations are judged again under it (a fourth scorecard, same contacts).
    /// </summary>
    public async Task<(IReadOnlyList<RankingScorecard> Cards, WeightFitStep Fit)> RunAsync(CancellationToken cancellationToken)
    {
        var contacts = truth.ContactIds.Where(history.ContactsByHubSpotId.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var ids = contacts.Select(id => history.ContactsByHubSpotId[id]).ToList();
        var ours = await RecommendAllAsync(ids, cancellationToken);
        var fit = await WeightFitStep.RunAsync(api, options.Days, cancellationToken);
        var fitted = fit.Approved ? await RecommendAllAsync(ids, cancellationToken) : null;
        var popularity = new PopularityBaseline(history);
        var random = new RandomBaseline(history, options.RandomBaselineSeed);
        List<RankingScorecard> cards = [new(Ours, options.K), new(Popularity, options.K), new(Random, options.K)];
        if (fitted is not null)
        {
            cards.Add(new RankingScorecard(OursFitted, options.K));
        }

        foreach (var hubSpotId in contacts)
        {
            var contactId = history.ContactsByHubSpotId[hubSpotId];
            var consumed = history.ConsumedBy(contactId);
            int[] candidates = [.. history.Library.Where(item => !consumed.Contains(item)).Select(item => GradeOf(hubSpotId, item))];
            cards[0].Add(Grades(hubSpotId, ours[contactId]), candidates);
            cards[1].Add(Grades(hubSpotId, popularity.Recommend(contactId, options.K)), candidates);
            cards[2].Add(Grades(hubSpotId, random.Recommend(contactId, options.K)), candidates);
            if (fitted is not null)
            {
                cards[3].Add(Grades(hubSpotId, fitted[contactId]), candidates);
            }
        }

        return (cards, fit);
    }

    /// <summary>The server's top k for every contact through its public endpoint, a few requests at a time.</summary>
    private async Task<ConcurrentDictionary<Guid, IReadOnlyList<Guid>>> RecommendAllAsync(IEnumerable<Guid> contactIds, CancellationToken cancellationToken)
    {
        var results = new ConcurrentDictionary<Guid, IReadOnlyList<Guid>>();
        await Parallel.ForEachAsync(contactIds, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (contactId, token) =>
            {
                var response = await api.GetFromJsonAsync<JsonElement>($"/api/contacts/{contactId}/recommendations?k={options.K}", token);
                results[contactId] = [.. response.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("contentId").GetGuid())];
            });
        return results;
    }

    private int[] Grades(string hubSpotId, IReadOnlyList<Guid> ranking) => [.. ranking.Select(item => GradeOf(hubSpotId, item))];

    private int GradeOf(string hubSpotId, Guid item) => truth.Grade(hubSpotId, history.ExternalIds[item]);
}
