using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search.Indexes;

/// <summary>
/// CONTAINS_TOKEN without wildcards, or with one trailing '*': records under their whole value and each of its
/// tokens, folded as wildcard matching folds them. Keys are also kept in ordinal order so that a prefix is a
/// contiguous run of keys.
/// </summary>
internal sealed class TokenIndex : IPropertyIndex
{
    private readonly RecordSets _sets = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);

    public TokenIndex()
    {
        _sets.KeyAdded += key => _keys.Add(key);
        _sets.KeyRemoved += key => _keys.Remove(key);
    }

    /// <summary>The record sets whose key equals the pattern, or starts with it when <paramref name="prefix"/>.</summary>
    public IReadOnlyList<IReadOnlyCollection<CrmRecord>> Matching(string pattern, bool prefix)
    {
        var folded = SearchText.Fold(pattern);
        if (!prefix)
        {
            return [_sets.Under(folded)];
        }

        var sets = new List<IReadOnlyCollection<CrmRecord>>();
        if (_keys.Count == 0 || string.CompareOrdinal(folded, _keys.Max) > 0)
        {
            return sets;
        }

        // Keys sharing the prefix follow each other from the prefix on; the first one without it ends the run.
        foreach (var key in _keys.GetViewBetween(folded, _keys.Max!))
        {
            if (!key.StartsWith(folded, StringComparison.Ordinal))
            {
                break;
            }

            sets.Add(_sets.Under(key));
        }

        return sets;
    }

    public void Add(CrmRecord record, string value)
    {
        _sets.Add(SearchText.Fold(value), record);
        foreach (var token in new SearchText.Tokens(value))
        {
            _sets.Add(SearchText.Fold(token), record);
        }
    }

    public void Remove(CrmRecord record, string value)
    {
        _sets.Remove(SearchText.Fold(value), record);
        foreach (var token in new SearchText.Tokens(value))
        {
            _sets.Remove(SearchText.Fold(token), record);
        }
    }
}
