using System.Diagnostics;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// Keeps the data file in step with the sandbox: reads the sandbox-wide state back on start (the portals are read by
/// <see cref="PortalRegistry"/>), saves at once (freshly seeded portals included), then every <see cref="SandboxOptions.DataFileSaveInterval"/> and at
/// a clean shutdown. The clock and the other sandbox-wide state are saved every time; portals when a request (or
/// <see cref="ChangeTracker.MarkChanged"/>) may have changed them, and then only their rows that changed.
/// </summary>
internal sealed partial class DataFileWorker(
    SandboxOptions options,
    DataFile file,
    PortalRegistry portals,
    StoredPortals stored,
    IEnumerable<ISandboxSection> sandboxSections,
    ChangeTracker changes,
    ILogger<DataFileWorker> logger) : BackgroundService
{
    private readonly Lock _saving = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var saved = file.ReadSandboxSections();
        foreach (var section in sandboxSections)
        {
            if (saved.TryGetValue(section.Name, out var data))
            {
                section.Load(data);
            }
        }

        Save(portalsToo: !stored.RestoredAny);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Save(portalsToo: true);
    }

    /// <summary>Writes the sandbox now; portals only when they may have changed unless told otherwise.</summary>
    public DataFileSave Save(bool portalsToo)
    {
        lock (_saving)
        {
            var watch = Stopwatch.StartNew();
            var changed = changes.TakeChanged() || portalsToo;
            try
            {
                var sandbox = sandboxSections.ToDictionary(s => s.Name, s => s.Save(), StringComparer.Ordinal);
                var captured = changed ? portals.All.Select(stored.Capture).ToList() : null;
                var capturing = watch.Elapsed;
                var written = file.Write(sandbox, captured);
                foreach (var capture in captured ?? [])
                {
                    stored.Committed(capture);
                }

                return new DataFileSave(watch.Elapsed, capturing, written, captured?.Count(c => c.Everything) ?? 0);
            }
            catch
            {
                // The changes taken for this save were not written: try again at the next interval, writing whole.
                stored.ForgetSaved();
                changes.MarkChanged();
                throw;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.DataFileSaveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    Save(portalsToo: false);
                }
                catch (Exception exception) when (exception is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
                {
                    LogSaveFailed(logger, exception, file.Path);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the final save follows in StopAsync.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving the sandbox to {Path} failed; retrying at the next interval")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, string path);
}
