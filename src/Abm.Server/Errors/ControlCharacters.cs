using System.Globalization;

namespace Abm.Server.Errors;

/// <summary>
/// The characters no name, title or other text field may hold: C0 and C1 controls (NUL, CR, LF, tab, escape...),
/// DEL, and the Unicode bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) that make text
/// display differently from what it is. Such text is refused with 400 rather than stripped, so what is stored is
/// always exactly what the caller sent.
/// </summary>
internal static class ControlCharacters
{
    public static bool IsForbidden(char c) => c is < '\u0020' or (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The error for a text holding a forbidden character, naming the first one; null when the text is clean.</summary>
    public static string? Problem(string field, string? text)
    {
        var index = text is null ? -1 : FirstForbidden(text);
        return index < 0 ? null
            : string.Create(CultureInfo.InvariantCulture, $"{field} contains the control or bidi character U+{(int)text![index]:X4} at position {index}; remove it.");
    }

    private static int FirstForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsForbidden(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
