using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Search.Indexes;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>
/// How one filter's matches are read from an index instead of scanning: exactly the live records whose current
/// values match the filter (a record may come more than once from several keys). Search checks the group's other
/// filters on these records only.
/// </summary>
internal abstract class CandidatePath(CompiledFilter filter)
{
    public CompiledFilter Filter { get; } = filter;

    /// <summary>How many records the path yields at most; the planner drives each group by the smallest.</summary>
    public abstract int Size { get; }

    public abstract IEnumerable<CrmRecord> Records();

    /// <summary>Adds the candidates to a set, which then holds each once.</summary>
    public virtual void AddTo(HashSet<CrmRecord> set) => set.UnionWith(Records());
}

/// <summary>Records from one or more hash index sets (equality, tokens, token prefixes).</summary>
internal sealed class SetsPath(CompiledFilter filter, IReadOnlyList<IReadOnlyCollection<CrmRecord>> sets) : CandidatePath(filter)
{
    public override int Size => sets.Sum(s => s.Count);

    public override IEnumerable<CrmRecord> Records() => sets.Count == 1 ? sets[0] : sets.SelectMany(s => s);

    public override void AddTo(HashSet<CrmRecord> set)
    {
        foreach (var records in sets)
        {
            set.UnionWith(records);
        }
    }
}

/// <summary>A run of a range index: records whose key lies within the filter's bounds, in key order.</summary>
internal sealed class RangePath(CompiledFilter filter, OrderedEntries entries, int start, int end) : CandidatePath(filter)
{
    public override int Size => end - start;

    public override IEnumerable<CrmRecord> Records() => entries.Ascending(start, end).Select(e => e.Record);

    /// <summary>The records in search's sort order on the filtered property.</summary>
    public IEnumerable<CrmRecord> Sorted(bool descending) =>
        (descending ? entries.Descending(start, end) : entries.Ascending(start, end)).Select(e => e.Record);
}
