using System.Collections;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// A list that only grows (email events, transactional sends), which lets the data file save just its new tail.
/// Used under the portal's lock.
/// </summary>
internal sealed class AppendOnlyLog<T> : IReadOnlyList<T>
{
    private readonly List<T> _items = [];
    private int _unsavedFrom;

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    public void Add(T item) => _items.Add(item);

    public void AddRange(IEnumerable<T> items) => _items.AddRange(items);

    public List<T> GetRange(int index, int count) => _items.GetRange(index, count);

    /// <summary>Where the unsaved tail starts; from now on everything up to here counts as saved.</summary>
    public int TakeUnsavedFrom()
    {
        var from = _unsavedFrom;
        _unsavedFrom = _items.Count;
        return from;
    }

    public List<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
