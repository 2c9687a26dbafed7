using System.Text;

namespace Abm.Engines.Personas;

/// <summary>
/// Turns a free-text job title into lower-case words separated by single spaces, padded with a space on each
/// side, so rules can match whole words and phrases with a plain substring search (" it " never matches "digital").
/// </summary>
internal static class TitleNormalizer
{
    // Spellings whose punctuation carries meaning, or phrases whose words would otherwise match the wrong rule.
    private static readonly (string From, string To)[] Rewrites =
    [
        (" fp a ", " fpa "),
        (" r d ", " rnd "),
        (" vice president ", " vp "),
        (" product owner ", " productowner "),
        (" process owner ", " processowner "),
        (" co founder ", " founder "),
    ];

    public static string Normalize(string title)
    {
        var builder = new StringBuilder(title.Length + 2).Append(' ');
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c != '.' && builder[^1] != ' ')
            {
                // Dots vanish so "C.E.O." reads "ceo"; every other separator becomes one space.
                builder.Append(' ');
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        var normalized = builder.ToString();
        foreach (var (from, to) in Rewrites)
        {
            normalized = normalized.Replace(from, to, StringComparison.Ordinal);
        }

        return normalized;
    }
}
