namespace Abm.HubSpot.Sandbox.Search;

/// <summary>
/// How search reads text: tokens split on separators, '*' wildcards, prefix matching for the free-text
/// query. Works on spans so that scanning a large portal allocates nothing per record.
/// </summary>
internal static class SearchText
{
    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(" ,;.@-_/:");

    /// <summary>True when the whole value, or one of its tokens, matches the wildcard pattern.</summary>
    public static bool ContainsToken(string value, string pattern)
    {
        if (WildcardMatch(value, pattern))
        {
            return true;
        }

        foreach (var token in new Tokens(value))
        {
            if (WildcardMatch(token, pattern))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Free-text query: a prefix match on any word of the type's searchable properties.</summary>
    public static bool MatchesQuery(IReadOnlyDictionary<string, string?> properties, IReadOnlyList<string> searchable, string prefixPattern)
    {
        foreach (var name in searchable)
        {
            if (properties.GetValueOrDefault(name) is { Length: > 0 } value && ContainsToken(value, prefixPattern))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text with every character upper-cased the way wildcard matching compares them, so that an ordinal
    /// comparison of folded strings agrees exactly with <see cref="ContainsToken"/>.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        Span<char> folded = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            folded[i] = char.ToUpperInvariant(text[i]);
        }

        return new string(folded);
    }

    // Case-insensitive match where '*' stands for any run of characters.
    private static bool WildcardMatch(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>The non-empty tokens of a value, split on separators, without allocating.</summary>
    public ref struct Tokens(ReadOnlySpan<char> value)
    {
        private ReadOnlySpan<char> _rest = value;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly Tokens GetEnumerator() => this;

        public bool MoveNext()
        {
            while (!_rest.IsEmpty)
            {
                var end = _rest.IndexOfAny(Separators);
                Current = end < 0 ? _rest : _rest[..end];
                _rest = end < 0 ? [] : _rest[(end + 1)..];
                if (!Current.IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
