using System.Globalization;
using System.Text.Json;

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

    /// <summary>
    /// Whether a JSON value holds, at any depth, a text PostgreSQL's jsonb cannot store: a NUL (\u0000) or a
    /// lone surrogate. Free-form JSON (event metadata, webhook payloads) is refused whole when it does.
    /// </summary>
    public static bool HoldsUnstorableText(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString()!.Contains('\0', StringComparison.Ordinal),
                JsonValueKind.Array => element.EnumerateArray().Any(HoldsUnstorableText),
                JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name.Contains('\0', StringComparison.Ordinal) || HoldsUnstorableText(p.Value)),
                _ => false,
            };
        }
        catch (InvalidOperationException)
        {
            return true; // a lone surrogate cannot even be read as a string
        }
    }

    /// <summary>Whether a text is free of every forbidden character (worth looking up, say).</summary>
    public static bool IsClean(string text) => FirstForbidden(text) < 0;

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
