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

    public void Fill(IEnumerable<(CrmRecord Record, string Value)> values)
    {
        var entries = new List<OrderedEntry>();
        foreach (var (record, value) in values)
        {
            if (Count(SearchValue.Of(value), +1) is { } key)
            {
                entries.Add(new OrderedEntry(key, record));
            }
        }

        entries.Sort();
        Entries.Load(entries);
    }

    public void Add(CrmRecord record, string value)
    {
        if (Count(SearchValue.Of(value), +1) is { } key)
        {
            Entries.Add(new OrderedEntry(key, record));
        }
    }

    public void Remove(CrmRecord record, string value)
    {
        if (Count(SearchValue.Of(value), -1) is { } key)
        {
            Entries.Remove(new OrderedEntry(key, record));
        }
    }

    // Counts the value's kind and returns its key, or null for text, which has none.
    private decimal? Count(SearchValue value, int delta)
    {
        if (value.Number is { } number)
        {
            _numbers += delta;
            return number;
        }

        if (value.EpochMs is { } epochMs)
        {
            _dates += delta;
            return epochMs;
        }

        _texts += delta;
        return null;
    }
}
