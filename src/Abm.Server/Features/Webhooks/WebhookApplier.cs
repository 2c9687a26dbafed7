using Abm.HubSpot;
using Abm.Server.Features.Privacy;
using Abm.Server.Features.Sync;

namespace Abm.Server.Features.Webhooks;

internal sealed record ApplySummary(int Refreshed, int Skipped, int Upserted, int Archived, int Erased);

/// <summary>
/// Applies one workspace's events: the records they touch are re-read from HubSpot and the local copy made to
/// match, so HubSpot's current state wins whatever order or number of times the events arrived. Records
/// already re-read after their newest event are skipped. Contacts HubSpot deleted under GDPR (privacy deletions)
/// are erased here as an admin's erasure would, and erased contacts are never re-read. The scope's workspace must be set.
/// </summary>
internal sealed class WebhookApplier(RecordRefresher refresher, WebhookRecordMarks marks, ContactErasure erasure, ErasedContacts erased)
{
    /// <summary>
    /// Records re-read and marked per step (ten batch reads, one association read per type): pooled batches can
    /// name tens of thousands of records, and a failure then repeats at most one step's reads.
    /// </summary>
    private const int RecordsPerStep = 1_000;

    public async Task<ApplySummary> ApplyAsync(HubSpotClient client, WebhookTargets targets, CancellationToken cancellationToken)
    {
        var (refreshed, skipped, upserted, archived, erasedNow) = (0, 0, 0, 0, 0);
        foreach (var hubSpotId in targets.Erasures)
        {
            var report = await erasure.EraseAsync(new ContactReference(null, hubSpotId, null), ErasureRequester.HubSpotWebhook, cancellationToken);
            erasedNow += report?.Status == "erased" ? 1 : 0;
        }

        foreach (var (objectType, records) in targets.Records)
        {
            var newer = await marks.NewerAsync(objectType, records, cancellationToken);
            if (objectType == Abm.HubSpot.Crm.CrmObjectTypes.Contacts)
            {
                // An erased contact's later events (a creation, a change) are not re-read: no read, no mark with its id.
                newer = (await erased.FilterAsync([.. newer], r => r.Key, _ => null, cancellationToken)).ToDictionary(StringComparer.Ordinal);
            }

            skipped += records.Count - newer.Count;
            foreach (var step in newer.Chunk(RecordsPerStep).Select(c => c.ToDictionary(StringComparer.Ordinal)))
            {
                var summary = await refresher.RefreshAsync(client, objectType, step.Keys, cancellationToken);
                // Marked only after the re-read is stored: a crash in between means one more re-read, never a lost change.
                await marks.RecordAsync(objectType, step, cancellationToken);
                (refreshed, upserted, archived) = (refreshed + step.Count, upserted + summary.Upserted, archived + summary.Archived);
            }
        }

        return new ApplySummary(refreshed, skipped, upserted, archived, erasedNow);
    }
}
