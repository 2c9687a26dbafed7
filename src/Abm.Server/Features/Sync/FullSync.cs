using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Owners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Reads every owner, company, contact and deal of the portal, page by page. Each page is applied and its
/// cursor saved in one transaction, so a run that dies resumes at the page after the last one applied and
/// never reads a finished page again. When a pass ends, records it did not read are archived and incremental
/// sync takes over from HubSpot's newest modification of each type before its pages were read.
/// </summary>
internal sealed class FullSync(AbmDbContext database, SyncStates syncStates, SyncRecordWriter writer, IOptions<SyncOptions> options, TimeProvider clock)
{
    /// <summary>Runs (or resumes) the pass; false when it stopped early at <paramref name="maxContacts"/>.</summary>
    public async Task<bool> RunAsync(HubSpotClient client, SyncProgress progress, int? maxContacts, CancellationToken cancellationToken)
    {
        var states = await syncStates.LoadAsync(SyncedObjects.FullSyncOrder, cancellationToken);
        var passStartedAt = await BeginOrResumeAsync(states, cancellationToken);
        var watermarks = StartWatermarkSearches(client, states, cancellationToken);
        try
        {
            return await ReadPagesAsync(client, states, watermarks, passStartedAt, progress, maxContacts, cancellationToken);
        }
        finally
        {
            foreach (var search in watermarks.Values)
            {
                await ReadAhead.ObserveAsync(search);
            }
        }
    }

    private async Task<bool> ReadPagesAsync(
        HubSpotClient client, Dictionary<string, SyncState> states, Dictionary<string, Task<DateTime>> watermarks, DateTime passStartedAt,
        SyncProgress progress, int? maxContacts, CancellationToken cancellationToken)
    {
        var contactsLeft = maxContacts ?? int.MaxValue;
        foreach (var objectType in SyncedObjects.FullSyncOrder)
        {
            var state = states[objectType];
            if (state.FullSyncCompleted)
            {
                progress.ObjectTypeDone(objectType);
                continue;
            }

            var limit = objectType == SyncedObjects.Contacts ? contactsLeft : int.MaxValue;
            if (limit <= 0)
            {
                return false;
            }

            // Taken before the type's first page is read, and saved with that page.
            if (watermarks.TryGetValue(objectType, out var watermark))
            {
                state.FullSyncWatermark = await watermark;
            }

            // One page read ahead (see ReadAhead): a fetched page that is never applied leaves the cursor where it was.
            var fetching = FetchPageAsync(client, objectType, state.FullSyncCursor, Math.Min(100, limit), cancellationToken);
            try
            {
                while (fetching is not null)
                {
                    var page = await fetching;
                    limit -= objectType == SyncedObjects.Contacts ? page.Count : 0;
                    fetching = page.Next is not null && limit > 0 ? FetchPageAsync(client, objectType, page.Next, Math.Min(100, limit), cancellationToken) : null;
                    await ApplyPageAsync(objectType, page, state, progress, cancellationToken);
                    KeepOnly(states.Values, progress.Run);
                }
            }
            finally
            {
                await ReadAhead.ObserveAsync(fetching);
            }

            contactsLeft = objectType == SyncedObjects.Contacts ? limit : contactsLeft;
            if (!state.FullSyncCompleted)
            {
                return false;
            }

            progress.ObjectTypeDone(objectType);
        }

        await FinishPassAsync(states, passStartedAt, cancellationToken);
        return true;
    }

    /// <summary>A new pass starts when the last one finished (or none ever ran); otherwise the unfinished one goes on.</summary>
    private async Task<DateTime> BeginOrResumeAsync(Dictionary<string, SyncState> states, CancellationToken cancellationToken)
    {
        var all = states.Values.ToList();
        if (all.All(s => s.FullSyncStartedAt is not null) && all.Any(s => !s.FullSyncCompleted))
        {
            return all.Min(s => s.FullSyncStartedAt!.Value);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var state in all)
        {
            (state.FullSyncCursor, state.FullSyncCompleted, state.FullSyncStartedAt, state.FullSyncWatermark, state.UpdatedAt) = (null, false, now, null, now);
        }

        await database.SaveChangesAsync(cancellationToken);
        return now;
    }

    /// <summary>
    /// Asks HubSpot for the newest modification of each CRM type whose pages have not begun: every change made
    /// after the type's first page is read is stamped after it, so incremental sync starts there once the pass
    /// ends. All are sent at once (searches have a rate limit of their own) while the owners page is read; each
    /// type waits only for its own answer, so only the first type's pages wait for a search at all.
    /// </summary>
    private Dictionary<string, Task<DateTime>> StartWatermarkSearches(HubSpotClient client, Dictionary<string, SyncState> states, CancellationToken cancellationToken)
    {
        var margin = TimeSpan.FromSeconds(options.Value.SearchVisibilityMarginSeconds);
        return SyncedObjects.CrmTypes
            .Where(type => states[type] is { FullSyncCompleted: false, FullSyncCursor: null, FullSyncWatermark: null })
            .ToDictionary(type => type, type => HubSpotWatermarks.NewestModifiedAsync(client, type, margin, cancellationToken));
    }

    /// <summary>A page as HubSpot sent it: records or owners (one of the two), and the cursor of the next page.</summary>
    private sealed record FetchedPage(IReadOnlyList<CrmRecord> Records, IReadOnlyList<HubSpotOwner> Owners, string? Next)
    {
        public int Count => Records.Count + Owners.Count;
    }

    // HTTP only: it runs while the previous page is being written, so it must not touch the DbContext.
    private static async Task<FetchedPage> FetchPageAsync(HubSpotClient client, string objectType, string? after, int pageSize, CancellationToken cancellationToken)
    {
        if (objectType == SyncedObjects.Owners)
        {
            var owners = await client.Owners.ListPageAsync(after, pageSize: pageSize, cancellationToken: cancellationToken);
            return new FetchedPage([], owners.Results, owners.After);
        }

        var options = new CrmReadOptions
        {
            Properties = SyncedObjects.PropertiesOf(objectType),
            Associations = SyncedObjects.AssociationsOf(objectType),
            PageSize = pageSize,
        };
        var page = await client.Crm.ListPageAsync(objectType, options, after, cancellationToken);
        return new FetchedPage(page.Results, [], page.After);
    }

    /// <summary>Writes the page's records and its cursor in one transaction: after a crash the cursor is exactly where the data is.</summary>
    private async Task ApplyPageAsync(string objectType, FetchedPage page, SyncState state, SyncProgress progress, CancellationToken cancellationToken)
    {
        var count = objectType == SyncedObjects.Owners
            ? await writer.StageOwnersAsync(page.Owners, cancellationToken)
            : await writer.StageAsync(objectType, page.Records, cancellationToken);
        state.FullSyncCursor = page.Next;
        state.FullSyncCompleted = page.Next is null;
        state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        progress.Count(count);
        await writer.CommitAsync(cancellationToken);
        progress.Committed(objectType, count);
    }

    /// <summary>
    /// Archives what the finished pass did not see (deleted in HubSpot while no webhook told us), and starts
    /// incremental sync at HubSpot's newest modification when the pass began, so changes made while it ran are
    /// read again (a pass begun before that moment was recorded falls back to its start on our clock).
    /// </summary>
    private async Task FinishPassAsync(Dictionary<string, SyncState> states, DateTime passStartedAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await database.Contacts.Where(c => c.ArchivedAt == null && (c.SyncedAt == null || c.SyncedAt < passStartedAt))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ArchivedAt, now), cancellationToken);
        await database.Companies.Where(c => c.ArchivedAt == null && (c.SyncedAt == null || c.SyncedAt < passStartedAt))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ArchivedAt, now), cancellationToken);
        await database.Deals.Where(d => d.ArchivedAt == null && (d.SyncedAt == null || d.SyncedAt < passStartedAt))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ArchivedAt, now), cancellationToken);
        foreach (var objectType in SyncedObjects.CrmTypes)
        {
            states[objectType].IncrementalWatermark = states[objectType].FullSyncWatermark ?? passStartedAt;
            states[objectType].LastRunAt = now;
        }

        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Forgets the page's rows after it is saved, so a pass of 100,000 records does not slow down as it goes.</summary>
    private void KeepOnly(IEnumerable<SyncState> states, SyncRun run)
    {
        database.ChangeTracker.Clear();
        database.AttachRange(states);
        database.Attach(run);
    }
}
