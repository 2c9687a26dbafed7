using Abm.Data.Entities;
using Abm.Server.Features.Observability;

namespace Abm.Server.Features.Sync;

/// <summary>One page applied: which object type, how many records, and the run's totals so far.</summary>
internal sealed record SyncPageDone(string ObjectType, int Records, int RunPages, int RunRecords);

/// <summary>
/// Counts a run's pages and records on its row (saved with each page's own transaction, so the row is
/// exact after a crash) and tells whoever watches: the log, and the CLI's progress bar. The runner hears
/// when an object type is fully applied, to start what waits for it (the engagement pulls wait for contacts).
/// </summary>
internal sealed partial class SyncProgress(SyncRun run, ILogger logger, AbmMetrics metrics, IProgress<SyncPageDone>? watcher, Action<string>? onObjectTypeDone = null)
{
    public SyncRun Run => run;

    /// <summary>Every record of <paramref name="objectType"/> this run reads has been applied.</summary>
    public void ObjectTypeDone(string objectType) => onObjectTypeDone?.Invoke(objectType);

    /// <summary>Counts a page on the run's row; call it before the page's transaction commits, so both are saved together.</summary>
    public void Count(int records)
    {
        run.Pages++;
        run.Records += records;
    }

    /// <summary>Tells the log and the watcher, once the page counted last is committed.</summary>
    public void Committed(string objectType, int records)
    {
        LogPage(logger, run.Kind, objectType, run.Pages, records, run.Records);
        metrics.SyncApplied(objectType, records);
        watcher?.Report(new SyncPageDone(objectType, records, run.Pages, run.Records));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync ({Kind}) page {Page}: {Records} {ObjectType} applied, {Total} records so far")]
    private static partial void LogPage(ILogger logger, string kind, string objectType, int page, int records, int total);
}
