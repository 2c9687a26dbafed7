using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>
/// A list that only grows, kept in chunks of a fixed size keyed by their position: a save rewrites the chunk its
/// unsaved tail starts in and adds the ones after it.
/// </summary>
internal abstract class LogSection<T> : IPortalSection
{
    private const int ChunkSize = 1_000;

    public abstract string Name { get; }

    public void Save(PortalState state, SectionRows rows)
    {
        var log = Log(state);
        var unsavedFrom = log.TakeUnsavedFrom();
        if (!rows.Everything && unsavedFrom == log.Count)
        {
            return;
        }

        for (var chunk = rows.Everything ? 0 : unsavedFrom / ChunkSize; chunk * ChunkSize < log.Count; chunk++)
        {
            var start = chunk * ChunkSize;
            rows.Put(chunk, StoredJson.Write(log.GetRange(start, Math.Min(ChunkSize, log.Count - start))));
        }
    }

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        var log = Log(state);
        foreach (var row in rows)
        {
            log.AddRange(StoredJson.Read<List<T>>(row.Data));
        }

        log.TakeUnsavedFrom();
    }

    protected abstract AppendOnlyLog<T> Log(PortalState state);
}
