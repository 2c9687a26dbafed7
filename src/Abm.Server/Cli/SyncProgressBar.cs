using Abm.Data.Entities;
using Abm.Server.Features.Sync;

namespace Abm.Server.Cli;

/// <summary>
/// Shows a sync's progress on the terminal: one line redrawn in place, or one line per page when the
/// output goes to a file or pipe (where redrawing would only make noise).
/// </summary>
internal sealed class SyncProgressBar(TextWriter output, bool redirected) : IProgress<SyncPageDone>
{
    private const int Width = 24;

    public void Report(SyncPageDone value)
    {
        // Pages run to 100 records; the bar fills over each block of 100 pages so it moves on long runs.
        var filled = value.RunPages % 100 * Width / 100;
        var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] page {value.RunPages,5}  {value.ObjectType,-9} +{value.Records,-4} {value.RunRecords,9:N0} records";
        if (redirected)
        {
            output.WriteLine(line);
        }
        else
        {
            output.Write($"\r{line}");
        }
    }

    public void Finish(SyncRun run)
    {
        if (!redirected)
        {
            output.WriteLine();
        }

        var seconds = (run.FinishedAt - run.StartedAt)?.TotalSeconds ?? 0;
        output.WriteLine($"sync {run.Kind} {run.Status}: {run.Records:N0} records in {run.Pages:N0} pages, {run.ApiCalls:N0} HubSpot calls ({run.RateLimited} answered 429), {seconds:F1} s");
        if (run.Error is { } error)
        {
            output.WriteLine($"  {error}");
        }

        if (run.Status == SyncRunStatus.Succeeded && run.Kind == SyncKinds.Full && run.MaxContacts is { } max)
        {
            output.WriteLine($"  capped by --max-contacts {max}: an unfinished full pass goes on with the next 'abm sync --full'.");
        }
    }
}
