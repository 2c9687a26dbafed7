using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search.Indexes;

/// <summary>
/// Range filters and sorts over a property whose values are all numbers or all dates: records ordered by the
/// number or the epoch milliseconds search compares them by. Values of other kinds are only counted; while
/// there are any, or numbers and dates are mixed, key order is not search's order and the index is not used.
/// </summary>
internal sealed class RangeIndex : IPropertyIndex
{
    private int _numbers;
    private int _dates;
    private int _texts;

    // The key each indexed record is held under: removal needs no parsing, and sorting a few thousand matches
    // by it is far cheaper than parsing their values again.
    private readonly Dictionary<CrmRecord, (decimal Key, bool IsNumber)> _keys = [];

    public OrderedEntries Entries { get; } = new();

    /// <summary>True when every value is of one kind, so that key order is exactly search's order.</summary>
    public bool IsOrdered => _texts == 0 && (_numbers == 0 || _dates == 0);

    /// <summary>
    /// The key of a filter bound, when search compares every stored value with it by that key: numbers with a
    /// number, dates with anything that reads as an instant (a date or integer epoch milliseconds).
    /// </summary>
    public bool TryKeyOf(SearchValue bound, out decimal key)
    {
        key = 0;
        if (!IsOrdered)
        {
            return false;
        }

        if (_numbers > 0)
        {
            key = bound.Number ?? 0;
            return bound.Number is not null;
        }

        if (_dates > 0)
        {
            key = bound.EpochMs ?? 0;
            return bound.EpochMs is not null;
        }

        return true; // no values at all: every range is empty
    }

    /// <summary>The key of a record's current value, when it is a number or a date.</summary>
    public bool TryKeyOf(CrmRecord record, out decimal key)
    {
        var found = _keys.TryGetValue(record, out var held);
        key = held.Key;
        return found;
    }

    public void Fill(IEnumerable<(CrmRecord Record, string Value)> values)
    {
        var entries = new List<OrderedEntry>();
        foreach (var (record, value) in values)
        {
            if (Count(SearchValue.Of(value)) is { } held)
            {
                entries.Add(new OrderedEntry(held.Key, record));
                _keys[record] = held;
            }
        }

        entries.Sort();
        Entries.Load(entries);
    }

    public void Add(CrmRecord record, string value)
    {
        if (Count(SearchValue.Of(value)) is { } held)
        {
            Entries.Add(new OrderedEntry(held.Key, record));
            _keys[record] = held;
        }
    }

    public void Remove(CrmRecord record, string value)
    {
        // Only values the record was added with are removed, so a record without a key held text.
        if (!_keys.Remove(record, out var held))
        {
            _texts--;
            return;
        }

        if (held.IsNumber)
        {
            _numbers--;
        }
        else
        {
            _dates--;
        }

        Entries.Remove(new OrderedEntry(held.Key, record));
    }

    // Counts a new value's kind and returns its key, or null for text, which has none.
    private (decimal Key, bool IsNumber)? Count(SearchValue value)
    {
        if (value.Number is { } number)
        {
            _numbers++;
            return (number, true);
        }

        if (value.EpochMs is { } epochMs)
        {
            _dates++;
            return (epochMs, false);
        }

        _texts++;
        return null;
    }
}
