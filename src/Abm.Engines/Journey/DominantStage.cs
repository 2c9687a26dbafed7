namespace Abm.Engines.Journey;

/// <summary>Where an account as a whole stands in the buyer journey, read from its contacts' stages.</summary>
public static class DominantStage
{
    /// <summary>
    /// The stage held by the most contacts; on a tie the later stage wins, since one buying group further along
    /// is what sales should act on. Null when there are no contacts.
    /// </summary>
    /// <param name="stages">Each contact's current stage (one entry per contact).</param>
    public static JourneyStage? Of(IEnumerable<JourneyStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var counts = new int[Enum.GetValues<JourneyStage>().Length];
        var any = false;
        foreach (var stage in stages)
        {
            counts[(int)stage]++;
            any = true;
        }

        if (!any)
        {
            return null;
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] >= counts[best])
            {
                best = i;
            }
        }

        return (JourneyStage)best;
    }
}
