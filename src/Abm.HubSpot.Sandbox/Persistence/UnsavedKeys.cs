namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// The keys of a collection written since the data file last saved it, marked where the writes happen, so that a
/// save writes those rows only instead of comparing or rewriting the whole collection. Used under the portal's lock.
/// </summary>
internal sealed class UnsavedKeys
{
    private HashSet<long> _keys = [];

    public int Count => _keys.Count;

    public void Mark(long key) => _keys.Add(key);

    /// <summary>The marked keys; from now on only later writes are marked.</summary>
    public IReadOnlyCollection<long> Take()
    {
        var taken = _keys;
        _keys = [];
        return taken;
    }

    public void Clear() => _keys.Clear();
}
