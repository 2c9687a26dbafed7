using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search.Indexes;

/// <summary>One record under its numeric sort key; ties are broken by record id, as search sorts them.</summary>
internal readonly record struct OrderedEntry(decimal Key, CrmRecord Record) : IComparable<OrderedEntry>
{
    public int CompareTo(OrderedEntry other)
    {
        var byKey = Key.CompareTo(other.Key);
        return byKey != 0 ? byKey : Record.Id.CompareTo(other.Record.Id);
    }
}

/// <summary>
/// Entries kept sorted in blocks of a few hundred: insert and remove move one block, a position (how many
/// entries lie below a key) costs a walk over the block sizes, and reading a run from any position is direct.
/// </summary>
internal sealed class OrderedEntries
{
    private const int BlockSize = 512;

    private readonly List<List<OrderedEntry>> _blocks = [];

    public int Count { get; private set; }

    /// <summary>Replaces the content with entries that are already sorted.</summary>
    public void Load(IReadOnlyList<OrderedEntry> sorted)
    {
        _blocks.Clear();
        for (var start = 0; start < sorted.Count; start += BlockSize)
        {
            _blocks.Add(sorted.Skip(start).Take(BlockSize).ToList());
        }

        Count = sorted.Count;
    }

    public void Add(OrderedEntry entry)
    {
        if (_blocks.Count == 0)
        {
            _blocks.Add([entry]);
            Count = 1;
            return;
        }

        var blockIndex = BlockHolding(entry);
        var block = _blocks[blockIndex];
        var at = block.BinarySearch(entry);
        block.Insert(at < 0 ? ~at : at, entry);
        Count++;
        if (block.Count >= 2 * BlockSize)
        {
            _blocks.Insert(blockIndex + 1, block.GetRange(BlockSize, block.Count - BlockSize));
            block.RemoveRange(BlockSize, block.Count - BlockSize);
        }
    }

    public void Remove(OrderedEntry entry)
    {
        if (_blocks.Count == 0)
        {
            return;
        }

        var blockIndex = BlockHolding(entry);
        var block = _blocks[blockIndex];
        var at = block.BinarySearch(entry);
        if (at < 0)
        {
            return;
        }

        block.RemoveAt(at);
        Count--;
        if (block.Count == 0)
        {
            _blocks.RemoveAt(blockIndex);
        }
    }

    /// <summary>How many entries have a key below <paramref name="key"/> (or at most it, when <paramref name="inclusive"/>).</summary>
    public int PositionOf(decimal key, bool inclusive)
    {
        var position = 0;
        foreach (var block in _blocks)
        {
            if (Below(block[^1].Key, key, inclusive))
            {
                position += block.Count;
                continue;
            }

            int low = 0, high = block.Count;
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (Below(block[mid].Key, key, inclusive))
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return position + low;
        }

        return position;
    }

    /// <summary>Entries at positions [start, end), lowest key first.</summary>
    public IEnumerable<OrderedEntry> Ascending(int start, int end)
    {
        var (blockIndex, offset) = Locate(start);
        for (var position = start; position < end; position++)
        {
            var block = _blocks[blockIndex];
            yield return block[offset];
            if (++offset == block.Count)
            {
                blockIndex++;
                offset = 0;
            }
        }
    }

    /// <summary>
    /// Entries at positions [start, end), highest key first but lowest id first among equal keys: search breaks
    /// ties by ascending id in both directions.
    /// </summary>
    public IEnumerable<OrderedEntry> Descending(int start, int end)
    {
        var run = new List<OrderedEntry>();
        foreach (var entry in Reverse(start, end))
        {
            if (run.Count > 0 && run[0].Key != entry.Key)
            {
                for (var i = run.Count - 1; i >= 0; i--)
                {
                    yield return run[i];
                }

                run.Clear();
            }

            run.Add(entry);
        }

        for (var i = run.Count - 1; i >= 0; i--)
        {
            yield return run[i];
        }
    }

    private IEnumerable<OrderedEntry> Reverse(int start, int end)
    {
        if (end <= start)
        {
            yield break;
        }

        var (blockIndex, offset) = Locate(end - 1);
        for (var position = end - 1; position >= start; position--)
        {
            yield return _blocks[blockIndex][offset];
            if (--offset < 0 && --blockIndex >= 0)
            {
                offset = _blocks[blockIndex].Count - 1;
            }
        }
    }

    private static bool Below(decimal candidate, decimal key, bool inclusive) => inclusive ? candidate <= key : candidate < key;

    private (int Block, int Offset) Locate(int position)
    {
        for (var blockIndex = 0; blockIndex < _blocks.Count; blockIndex++)
        {
            if (position < _blocks[blockIndex].Count)
            {
                return (blockIndex, position);
            }

            position -= _blocks[blockIndex].Count;
        }

        return (_blocks.Count, 0);
    }

    // The first block whose last entry is not below the entry, or the last block for an entry above them all.
    private int BlockHolding(OrderedEntry entry)
    {
        int low = 0, high = _blocks.Count - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_blocks[mid][^1].CompareTo(entry) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
