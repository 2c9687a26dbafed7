namespace Abm.Engines.Content;

/// <summary>A contact's preferred content format and its affinity for every format.</summary>
/// <param name="Preferred">The format with the highest affinity, or null without any counted interaction.</param>
/// <param name="RelativeAffinity">Affinity per format relative to the preferred one (1 for it, 0 for untouched formats).</param>
public sealed record FormatPreference(ContentType? Preferred, IReadOnlyDictionary<ContentType, double> RelativeAffinity)
{
    /// <summary>No history: no preference, zero affinity everywhere.</summary>
    public static FormatPreference None { get; } = new(null, Enum.GetValues<ContentType>().ToDictionary(t => t, _ => 0.0));

    /// <summary>Relative affinity for <paramref name="type"/>, 0..1.</summary>
    public double AffinityFor(ContentType type) => RelativeAffinity.GetValueOrDefault(type);
}
