namespace Abm.Engines.Analytics;

/// <summary>One value of a distribution, its count and its share of the whole (0..1).</summary>
public sealed record DistributionEntry(string Value, long Count, double Share);

/// <summary>Turns counts per value (lifecycle stage, source) into a distribution, largest first.</summary>
public static class Distribution
{
    /// <summary>The value for records that have none.</summary>
    public const string Unknown = "unknown";

    /// <summary>Counts of the same value (after blank becomes <see cref="Unknown"/>) are merged; ties are ordered by value.</summary>
    public static IReadOnlyList<DistributionEntry> Of(IEnumerable<(string? Value, long Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var merged = counts.GroupBy(c => string.IsNullOrWhiteSpace(c.Value) ? Unknown : c.Value!, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, Count: g.Sum(c => c.Count))).Where(c => c.Count > 0).ToList();
        var total = merged.Sum(c => c.Count);
        return [.. merged.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
            .Select(c => new DistributionEntry(c.Value, c.Count, total == 0 ? 0 : (double)c.Count / total))];
    }
}
