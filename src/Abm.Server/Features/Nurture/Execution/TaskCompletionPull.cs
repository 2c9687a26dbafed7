using System.Globalization;
using Abm.Data;
using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// Reads back, during each sync, whether the owners completed the tasks nurture created: a batch read of up to
/// 100 tasks a call (<c>hs_task_status</c>). Only tasks still open and created in the last
/// <see cref="Window"/> are asked, the least recently asked first and at most <see cref="MaxPerRun"/> a run, so a
/// portal with many open tasks spends a bounded share of the run's calls and every task is asked in turn.
/// </summary>
internal sealed partial class TaskCompletionPull(AbmDbContext database, TimeProvider clock, ILogger<TaskCompletionPull> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);
    public const int MaxPerRun = 2_000;
    private static readonly string[] Properties = ["hs_task_status", "hs_task_completion_date"];

    /// <summary>Returns how many tasks were found completed.</summary>
    public async Task<int> PullAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var open = await database.NurtureActions
            .Where(a => a.Kind == ActionKinds.CreateTask && a.Status == ActionStatus.Done && a.HubSpotId != null && a.TaskCompletedAt == null && a.CompletedAt >= since)
            .OrderBy(a => a.TaskCheckedAt != null).ThenBy(a => a.TaskCheckedAt).ThenBy(a => a.Id)
            .Take(MaxPerRun).ToListAsync(cancellationToken);
        var completed = 0;
        foreach (var chunk in open.Chunk(100))
        {
            var read = await client.Crm.BatchReadAsync(CrmObjectTypes.Tasks, [.. chunk.Select(a => a.HubSpotId!).Distinct(StringComparer.Ordinal)], Properties, cancellationToken: cancellationToken);
            var tasks = read.Records.ToDictionary(t => t.Id, StringComparer.Ordinal);
            foreach (var action in chunk)
            {
                action.TaskCheckedAt = now;
                if (tasks.TryGetValue(action.HubSpotId!, out var task) && string.Equals(task.Get("hs_task_status"), "COMPLETED", StringComparison.Ordinal))
                {
                    action.TaskCompletedAt = CompletedAt(task) ?? now;
                    completed++;
                }
            }

            // Saved per call: a run that stops keeps what it learnt, and the next asks the others first.
            await database.SaveChangesAsync(cancellationToken);
        }

        if (open.Count > 0)
        {
            LogPulled(open.Count, completed);
        }

        return completed;
    }

    /// <summary>HubSpot's completion time; its last modification when the portal did not stamp one.</summary>
    private static DateTime? CompletedAt(CrmRecord task) =>
        DateTimeOffset.TryParse(task.Get("hs_task_completion_date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime
        : long.TryParse(task.Get("hs_task_completion_date"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochMs) ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime
        : task.UpdatedAt?.UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Nurture tasks: asked HubSpot for {Asked} open tasks, {Completed} completed since")]
    private partial void LogPulled(int asked, int completed);
}
