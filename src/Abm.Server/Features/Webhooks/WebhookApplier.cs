using Abm.HubSpot;
using Abm.Server.Features.Sync;

namespace Abm.Server.Features.Webhooks;

internal sealed record ApplySummary(int Refreshed, int Skipped, int Upserted, int Archived);

/// <summary>
/// Applies one workspace's events: the records they touch are re-read from HubSpot and the local copy made to
/// match, so HubSpot's current state wins whatever order or number of times the events arrived. Records
/// already re-read after their newest event are skipped. The scope's workspace must be set.
/// </summary>
internal sealed class WebhookApplier(RecordRefresher refresher, WebhookRecordMarks marks)
{
    public async Task<ApplySummary> ApplyAsync(HubSpotClient client, WebhookTargets targets, CancellationToken cancellationToken)
    {
        var (refreshed, skipped, upserted, archived) = (0, 0, 0, 0);
        foreach (var (objectType, records) in targets.Records)
        {
            var newer = await marks.NewerAsync(objectType, records, cancellationToken);
            skipped += records.Count - newer.Count;
            if (newer.Count == 0)
            {
                continue;
            }

            var summary = await refresher.RefreshAsync(client, objectType, newer.Keys, cancellationToken);
            // Marked only after the re-read is stored: a crash in between means one more re-read, never a lost change.
            await marks.RecordAsync(objectType, newer, cancellationToken);
            (refreshed, upserted, archived) = (refreshed + newer.Count, upserted + summary.Upserted, archived + summary.Archived);
        }

        return new ApplySummary(refreshed, skipped, upserted, archived);
    }
}
