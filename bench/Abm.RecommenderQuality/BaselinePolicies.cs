namespace Abm.RecommenderQuality;

/// <summary>
/// The most-consumed items first: library items ranked by how many contacts interacted with them in the server's
/// history (ties by external id), minus what the contact already consumed. What a team without a recommender would send.
/// </summary>
internal sealed class PopularityBaseline
{
    private readonly AbmHistory _history;
    private readonly Guid[] _ranking;

    public PopularityBaseline(AbmHistory history)
    {
        _history = history;
        var contacts = history.Library.ToDictionary(item => item, _ => 0);
        foreach (var item in history.Consumed.Values.SelectMany(items => items))
        {
            contacts[item] = contacts.GetValueOrDefault(item) + 1;
        }

        // A stable sort of the library (external id order) keeps ties in that order.
        _ranking = [.. history.Library.OrderByDescending(item => contacts[item])];
    }

    public IReadOnlyList<Guid> Recommend(Guid contactId, int k)
    {
        var consumed = _history.ConsumedBy(contactId);
        return [.. _ranking.Where(item => !consumed.Contains(item)).Take(k)];
    }
}

/// <summary>
/// k items drawn uniformly from the contact's candidates (the library minus what it consumed), from a seeded
/// generator: the floor any policy must clear. Contacts must be asked in a fixed order for a repeatable draw.
/// </summary>
internal sealed class RandomBaseline(AbmHistory history, int seed)
{
    private readonly Random _random = new(seed);

    public IReadOnlyList<Guid> Recommend(Guid contactId, int k)
    {
        var consumed = history.ConsumedBy(contactId);
        var candidates = history.Library.Where(item => !consumed.Contains(item)).ToArray();
        var picks = Math.Min(k, candidates.Length);
        // The first k steps of a Fisher-Yates shuffle.
        for (var i = 0; i < picks; i++)
        {
            var j = _random.Next(i, candidates.Length);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }

        return candidates[..picks];
    }
}
