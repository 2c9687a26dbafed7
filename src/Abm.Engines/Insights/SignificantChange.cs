namespace Abm.Engines.Insights;

/// <summary>
/// Decides whether a contact's new insight is worth a HubSpot write-back. HubSpot's API budget is per portal,
/// so small score jitter must not cost a call; categorical changes always do.
/// </summary>
public static class SignificantChange
{
    /// <summary>
    /// Compares <paramref name="current"/> with what was last written back (not with the last computation, so
    /// that many small moves in one direction still add up to a write once they pass the delta).
    /// </summary>
    /// <param name="lastWritten">The insight as last written to HubSpot, or null if never written.</param>
    /// <param name="current">The insight just computed.</param>
    /// <param name="scoreDelta">Minimum score movement, in points, that counts (from the workspace settings).</param>
    public static InsightChanges Detect(ContactInsight? lastWritten, ContactInsight current, double scoreDelta)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfNegative(scoreDelta);
        if (lastWritten is null)
        {
            return InsightChanges.NeverWritten;
        }

        var changes = InsightChanges.None;
        if (Math.Abs(current.Score - lastWritten.Score) >= scoreDelta && current.Score != lastWritten.Score)
        {
            changes |= InsightChanges.Score;
        }

        if (current.Stage != lastWritten.Stage)
        {
            changes |= InsightChanges.Stage;
        }

        if (current.Persona != lastWritten.Persona)
        {
            changes |= InsightChanges.Persona;
        }

        if (current.PreferredFormat != lastWritten.PreferredFormat)
        {
            changes |= InsightChanges.PreferredFormat;
        }

        return changes;
    }

    /// <summary>True when <see cref="Detect"/> finds anything worth writing back.</summary>
    public static bool IsSignificant(ContactInsight? lastWritten, ContactInsight current, double scoreDelta) =>
        Detect(lastWritten, current, scoreDelta) != InsightChanges.None;
}
