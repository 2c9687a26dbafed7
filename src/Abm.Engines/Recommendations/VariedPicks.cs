using Abm.Engines.Content;

namespace Abm.Engines.Recommendations;

/// <summary>
/// The top-K with variety, shared by the recommender and the weight fitter so a fitted weighting is judged on
/// exactly the lists contacts would be shown.
/// </summary>
internal static class VariedPicks
{
    /// <summary>
    /// Walking candidates from the highest score down, an item is skipped while its format already has
    /// <paramref name="maxPerFormat"/> picks; skipped items fill any slots left at the end. Items scored negative
    /// infinity are never picked; equal scores go to the lower index.
    /// </summary>
    public static List<int> Pick(ReadOnlySpan<double> scores, int k, ReadOnlySpan<ContentType> types, int maxPerFormat)
    {
        var picks = new List<int>(k);
        var taken = new bool[scores.Length];
        var perFormat = new int[Enum.GetValues<ContentType>().Length];
        foreach (var respectCap in (ReadOnlySpan<bool>)[true, false])
        {
            while (picks.Count < k)
            {
                var best = -1;
                for (var item = 0; item < scores.Length; item++)
                {
                    if (!taken[item] && !double.IsNegativeInfinity(scores[item])
                        && (!respectCap || perFormat[(int)types[item]] < maxPerFormat)
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
                perFormat[(int)types[best]]++;
                picks.Add(best);
            }
        }

        return picks;
    }

    /// <summary>Puts <paramref name="picks"/> in the order they are shown: highest score first, equal scores by lower index.</summary>
    public static void SortShown(List<int> picks, ReadOnlySpan<double> scores)
    {
        for (var i = 1; i < picks.Count; i++)
        {
            var pick = picks[i];
            var j = i - 1;
            while (j >= 0 && (scores[picks[j]] < scores[pick] || (scores[picks[j]] == scores[pick] && picks[j] > pick)))
            {
                picks[j + 1] = picks[j];
                j--;
            }

            picks[j + 1] = pick;
        }
    }
}
