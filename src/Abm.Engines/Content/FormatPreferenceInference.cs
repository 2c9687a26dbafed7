using Abm.Engines.Engagement;

namespace Abm.Engines.Content;

/// <summary>
/// Infers the preferred content format from a contact's content history: each format earns the decayed
/// weighted points of the interactions with items of that format, exactly as the engagement quality
/// component counts them, so "prefers" means "engages most with, recently".
/// </summary>
public static class FormatPreferenceInference
{
    /// <summary>Computes the preference as of <paramref name="now"/> with the workspace's weights, decay and window.</summary>
    public static FormatPreference Infer(
        IReadOnlyList<ContentInteraction> history,
        DateTimeOffset now,
        EngagementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(history);
        var parameters = new ScoringParameters(settings, now);
        var formats = Enum.GetValues<ContentType>();
        var points = new double[formats.Length];
        var latest = new long[formats.Length];
        Array.Fill(latest, long.MinValue);

        foreach (var interaction in history)
        {
            var ticks = interaction.OccurredAt.UtcTicks;
            var age = parameters.NowTicks - ticks;
            if (!parameters.InWindow(age))
            {
                continue;
            }

            var format = (int)interaction.ContentType;
            points[format] += parameters.Weights[(int)interaction.EventType] * parameters.Decay(age);
            latest[format] = Math.Max(latest[format], ticks);
        }

        // Highest points wins; a tie goes to the format engaged with most recently, then to the earlier enum member.
        var best = -1;
        for (var f = 0; f < formats.Length; f++)
        {
            if (latest[f] != long.MinValue
                && (best < 0 || points[f] > points[best] || (points[f] == points[best] && latest[f] > latest[best])))
            {
                best = f;
            }
        }

        if (best < 0 || points[best] <= 0)
        {
            return FormatPreference.None;
        }

        var top = points[best];
        return new FormatPreference(formats[best], formats.ToDictionary(t => t, t => points[(int)t] / top));
    }
}
