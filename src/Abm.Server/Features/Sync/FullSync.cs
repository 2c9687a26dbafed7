using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Reads every owner, company, contact and deal of the portal, page by page. Each page is applied and its
/// cursor saved in one transaction, so a run that dies resumes at the page after the last one applied and
/// never reads a finished page again. When a pass ends, records HubSpot no longer lists are archived and
/// incremental sync takes over from the moment the pass began.
/// </summary>
internal sealed class FullSync(AbmDbContext database, SyncStates syncStates, SyncRecordWriter writer, TimeProvider clock)
{
    /// <summary>Runs (or resumes) the pass; false when it stopped early at <paramref name="maxContacts"/>.</summary>
    public async Task<bool> RunAsync(HubSpotClient client, SyncProgress progress, int? maxContacts, CancellationToken cancellationToken)
    {
        var states = await syncStates.LoadAsync(SyncedObjects.FullSyncOrder, cancellationToken);
        var passStartedAt = await BeginOrResumeAsync(states.Values, cancellationToken);
        var contactsRead = 0;
        foreach (var objectType in SyncedObjects.FullSyncOrder)
        {
            var state = states[objectType];
            while (!state.FullSyncCompleted)
            {
                var limit = objectType == SyncedObjects.Contacts && maxContacts is { } max ? max - contactsRead : int.MaxValue;
                if (limit <= 0)
                {
                    return false;
                }

                var (count, next) = await ReadPageAsync(client, objectType, state.FullSyncCursor, Math.Min(100, limit), cancellationToken);
                contactsRead += objectType == SyncedObjects.Contacts ? count : 0;
                state.FullSyncCursor = next;
                state.FullSyncCompleted = next is null;
                state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                progress.PageDone(objectType, count);
                await writer.CommitAsync(cancellationToken);
                KeepOnly(states.Values, progress.Run);
            }
        }

        await FinishPassAsync(states, passStartedAt, cancellationToken);
        return true;
    }

    /// <summary>A new pass starts when the last one finished (or none ever ran); otherwise the unfinished one goes on.</summary>
    private async Task<DateTime> BeginOrResumeAsync(IEnumerable<SyncState> states, CancellationToken cancellationToken)
    {
        var all = states.ToList();
        if (all.All(s => s.FullSyncStartedAt is not null) && all.Any(s => !s.FullSyncCompleted))
        {
            return all.Min(s => s.FullSyncStartedAt!.Value);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var state in all)
        {
            (state.FullSyncCursor, state.FullSyncCompleted, state.FullSyncStartedAt, state.UpdatedAt) = (null, false, now, now);
        }

        await database.SaveChangesAsync(cancellationToken);
        return now;
    }

    private async Task<(int Count, string? Next)> ReadPageAsync(HubSpotClient client, string objectType, string? after, int pageSize, CancellationToken cancellationToken)
    {
        if (objectType == SyncedObjects.Owners)
        {
            var owners = await client.Owners.ListPageAsync(after, pageSize: pageSize, cancellationToken: cancellationToken);
            return (await writer.StageOwnersAsync(owners.Results, cancellationToken), owners.After);
        }

        var options = new CrmReadOptions
        {
            Properties = SyncedObjects.PropertiesOf(objectType),
            Associations = SyncedObjects.AssociationsOf(objectType),
            PageSize = pageSize,
        };
        var page = await client.Crm.ListPageAsync(objectType, options, after, cancellationToken);
        return (await writer.StageAsync(objectType, page.Results, cancellationToken), page.After);
    }

    /// <summary>
    /// Archives what the finished pass did not see (deleted in HubSpot while no webhook told us), and starts
    /// incremental sync at the pass's start, so changes made while it ran are read again.
    /// </summary>
    private async Task FinishPassAsync(Dictionary<string, SyncState> states, DateTime passStartedAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await database.Contacts.Where(c => c.ArchivedAt == null && (c.SyncedAt == null || c.SyncedAt < passStartedAt))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ArchivedAt, now), cancellationToken);
        await database.Companies.Where(c => c.ArchivedAt == null && c.UpdatedAt < passStartedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ArchivedAt, now), cancellationToken);
        await database.Deals.Where(d => d.ArchivedAt == null && d.UpdatedAt < passStartedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ArchivedAt, now), cancellationToken);
        foreach (var objectType in SyncedObjects.CrmTypes)
        {
            states[objectType].IncrementalWatermark = passStartedAt;
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
