using Abm.Data;
using Abm.Data.Bulk;
using Abm.Data.Entities;
using Abm.Engines.Segments;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Owners;
using Abm.Server.Database;
using Abm.Server.Features.Access;
using Abm.Server.Features.Privacy;
using Abm.Server.Features.Engagement;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Applies pages of HubSpot records to the current workspace's local copy: inserts what is new, updates
/// what is known (by HubSpot id), links contacts and deals to their companies, tags segments. Nothing is
/// saved until <see cref="CommitAsync"/>, so a caller can save its checkpoint in the same transaction.
/// Companies and contacts, the bulk of a portal, are written a page per statement (<see cref="RowUpsert{T}"/>);
/// deals and owners, few and with links to replace, go through change tracking.
/// </summary>
internal sealed partial class SyncRecordWriter(
    AbmDbContext database, CurrentWorkspace workspace, SegmentRuleStore segmentRules, ErasedContacts erased, ScoringQueue scoring, TimeProvider clock,
    ILogger<SyncRecordWriter> logger)
{
    private const int CommitAttempts = 3;
    private readonly HashSet<Guid> _contactsToScore = [];
    private readonly List<Func<CancellationToken, Task>> _pending = [];
    private RowUpsert<Company>? _companyUpsert;
    private RowUpsert<Contact>? _contactUpsert;
    private IReadOnlyList<SegmentRule>? _rules;

    private Guid WorkspaceId => workspace.WorkspaceId ?? throw new InvalidOperationException("Sync writes need a workspace.");

    /// <summary>Stages a page of records of one CRM type; returns how many it staged.</summary>
    public Task<int> StageAsync(string objectType, IReadOnlyList<CrmRecord> records, CancellationToken cancellationToken) => objectType switch
    {
        SyncedObjects.Companies => StageCompaniesAsync(records),
        SyncedObjects.Contacts => StageContactsAsync(records, cancellationToken),
        SyncedObjects.Deals => StageDealsAsync(records, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(objectType), objectType, "Not a synced CRM object type."),
    };

    public async Task<int> StageOwnersAsync(IReadOnlyList<HubSpotOwner> owners, CancellationToken cancellationToken)
    {
        var ids = owners.Select(o => o.Id).Distinct(StringComparer.Ordinal).ToList();
        var known = await database.Owners.Where(o => ids.Contains(o.HubSpotId)).ToDictionaryAsync(o => o.HubSpotId, StringComparer.Ordinal, cancellationToken);
        foreach (var owner in owners)
        {
            if (!known.TryGetValue(owner.Id, out var row))
            {
                row = new Owner { Id = Guid.CreateVersion7(), WorkspaceId = WorkspaceId, HubSpotId = owner.Id };
                database.Owners.Add(row);
                known[owner.Id] = row;
            }

            (row.UserId, row.Email, row.FirstName, row.LastName, row.Archived, row.UpdatedAt) =
                (owner.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture), owner.Email, owner.FirstName, owner.LastName, false, Now);
        }

        return owners.Count;
    }

    /// <summary>Marks records HubSpot no longer has as archived (kept, with their history, but out of every list).</summary>
    public async Task<int> ArchiveAsync(string objectType, IReadOnlyCollection<string> hubSpotIds, CancellationToken cancellationToken)
    {
        if (hubSpotIds.Count == 0)
        {
            return 0;
        }

        var now = Now;
        return objectType switch
        {
            SyncedObjects.Companies => await database.Companies.Where(c => hubSpotIds.Contains(c.HubSpotId) && c.ArchivedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ArchivedAt, now), cancellationToken),
            SyncedObjects.Contacts => await database.Contacts.Where(c => hubSpotIds.Contains(c.HubSpotId) && c.ArchivedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ArchivedAt, now), cancellationToken),
            SyncedObjects.Deals => await database.Deals.Where(d => hubSpotIds.Contains(d.HubSpotId) && d.ArchivedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ArchivedAt, now), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(objectType), objectType, "Not a synced CRM object type."),
        };
    }

    /// <summary>
    /// Saves everything staged (and whatever else the context tracks) in one transaction. When that transaction is
    /// this writer's own and the database ends it as transient (a deadlock with another writer of the same rows, such
    /// as the score recompute, on PostgreSQL), it is rolled back and written again: the statements are upserts, so
    /// the page lands once.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var owned = database.Database.CurrentTransaction is null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CommitOnceAsync(cancellationToken);
                return;
            }
            catch (Exception error) when (owned && attempt < CommitAttempts && TransientDatabaseErrors.Any(error) && !cancellationToken.IsCancellationRequested)
            {
                LogTransientRetry(attempt, error.GetBaseException().Message);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), clock, cancellationToken);
            }
        }
    }

    private async Task CommitOnceAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            await database.SaveChangesAsync(cancellationToken);
            return;
        }

        await using var transaction = database.Database.CurrentTransaction is null ? await database.Database.BeginTransactionAsync(cancellationToken) : null;
        // In staging order: companies a page of contacts points at were written before it.
        foreach (var write in _pending)
        {
            await write(cancellationToken);
        }

        await database.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        _pending.Clear();
    }

    /// <summary>
    /// Queues every contact written so far for rescoring: persona and journey stage follow job title, lifecycle
    /// and deals. Called once a run's writes are done, so scoring does not compete with the sync for the database.
    /// </summary>
    public void MarkForRescoring(IEnumerable<Guid> contactIds) => _contactsToScore.UnionWith(contactIds);

    /// <summary>The contacts marked so far and not yet queued.</summary>
    public IReadOnlyCollection<Guid> MarkedForRescoring => [.. _contactsToScore];

    public void QueueRescoring()
    {
        if (_contactsToScore.Count > 0)
        {
            scoring.Enqueue(WorkspaceId, [.. _contactsToScore], []);
            _contactsToScore.Clear();
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<int> StageCompaniesAsync(IReadOnlyList<CrmRecord> records)
    {
        var now = Now;
        var rows = LastCopyOfEach(records).Select(record =>
        {
            var company = new Company { Id = Guid.CreateVersion7(), WorkspaceId = WorkspaceId, HubSpotId = record.Id, CreatedAt = now };
            HubSpotRecordMapping.ApplyTo(company, record, now);
            return company;
        }).ToList();
        _pending.Add(async cancellationToken => await (_companyUpsert ??= new(database, HubSpotRecordMapping.CompanyKey, HubSpotRecordMapping.CompanyColumns)).ExecuteAsync(database, rows, cancellationToken));
        return Task.FromResult(records.Count);
    }

    private async Task<int> StageContactsAsync(IReadOnlyList<CrmRecord> all, CancellationToken cancellationToken)
    {
        // An erased person stays erased, whatever HubSpot still lists: their records are read and left out.
        var records = await erased.FilterAsync(all, r => r.Id, r => r.Get("email"), cancellationToken);
        var companies = await CompanyIdsAsync(records.Select(r => HubSpotRecordMapping.CompanyIdOf(r)), cancellationToken);
        _rules ??= await segmentRules.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = LastCopyOfEach(records).Select(record =>
        {
            var contact = new Contact { Id = Guid.CreateVersion7(), WorkspaceId = WorkspaceId, HubSpotId = record.Id, CreatedAt = now.UtcDateTime };
            HubSpotRecordMapping.ApplyTo(contact, record, LocalCompanyId(record, companies), now.UtcDateTime);
            contact.Segments = [.. ContactSegmenter.Tag(new SegmentInput(record.UpdatedAt, record.Properties), _rules, now)];
            return contact;
        }).ToList();
        _pending.Add(async cancellationToken =>
        {
            // An existing contact keeps its own id: the ids written are the ones to rescore.
            var written = await (_contactUpsert ??= new(database, HubSpotRecordMapping.ContactKey, HubSpotRecordMapping.ContactColumns)).ExecuteAsync(database, rows, cancellationToken);
            _contactsToScore.UnionWith(written);
        });
        return all.Count;
    }

    private async Task<int> StageDealsAsync(IReadOnlyList<CrmRecord> records, CancellationToken cancellationToken)
    {
        var ids = IdsOf(records);
        var known = await database.Deals.Where(d => ids.Contains(d.HubSpotId)).ToDictionaryAsync(d => d.HubSpotId, StringComparer.Ordinal, cancellationToken);
        var companies = await CompanyIdsAsync(records.Select(r => HubSpotRecordMapping.CompanyIdOf(r)), cancellationToken);
        var contactHubSpotIds = records.SelectMany(r => HubSpotRecordMapping.AssociatedIds(r, SyncedObjects.Contacts)).Distinct(StringComparer.Ordinal).ToList();
        var contacts = await database.Contacts.Where(c => contactHubSpotIds.Contains(c.HubSpotId)).ToDictionaryAsync(c => c.HubSpotId, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var dealIds = known.Values.Select(d => d.Id).ToList();
        database.DealContacts.RemoveRange(await database.DealContacts.Where(dc => dealIds.Contains(dc.DealId)).ToListAsync(cancellationToken));
        foreach (var record in records)
        {
            var deal = Known(known, record.Id, () => database.Deals.Add(new Deal { Id = Guid.CreateVersion7(), WorkspaceId = WorkspaceId, HubSpotId = record.Id, CreatedAt = Now }).Entity);
            HubSpotRecordMapping.ApplyTo(deal, record, LocalCompanyId(record, companies), Now);
            foreach (var contactId in HubSpotRecordMapping.AssociatedIds(record, SyncedObjects.Contacts).Select(h => contacts.GetValueOrDefault(h)).Where(id => id != Guid.Empty).Distinct())
            {
                database.DealContacts.Add(new DealContact { WorkspaceId = WorkspaceId, DealId = deal.Id, ContactId = contactId });
                // A deal moving on can move its contacts' journey stage.
                _contactsToScore.Add(contactId);
            }
        }

        return records.Count;
    }

    private static List<string> IdsOf(IReadOnlyList<CrmRecord> records) => [.. records.Select(r => r.Id).Distinct(StringComparer.Ordinal)];

    /// <summary>A page can name a record twice (it changed while paging): the later copy wins, and one statement must not write a row twice.</summary>
    private static IEnumerable<CrmRecord> LastCopyOfEach(IReadOnlyList<CrmRecord> records) =>
        records.GroupBy(r => r.Id, StringComparer.Ordinal).Select(copies => copies.Last());

    private static T Known<T>(Dictionary<string, T> known, string hubSpotId, Func<T> create)
    {
        if (!known.TryGetValue(hubSpotId, out var row))
        {
            row = create();
            // A page can name a record twice (a record changed while paging); the second copy updates the first.
            known[hubSpotId] = row;
        }

        return row;
    }

    /// <summary>The local id of the record's company, when that company has been synced.</summary>
    private static Guid? LocalCompanyId(CrmRecord record, Dictionary<string, Guid> companies) =>
        HubSpotRecordMapping.CompanyIdOf(record) is { } hubSpotCompany && companies.TryGetValue(hubSpotCompany, out var id) ? id : null;

    private async Task<Dictionary<string, Guid>> CompanyIdsAsync(IEnumerable<string?> hubSpotIds, CancellationToken cancellationToken)
    {
        var ids = hubSpotIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? new Dictionary<string, Guid>(StringComparer.Ordinal)
            : await database.Companies.Where(c => ids.Contains(c.HubSpotId)).ToDictionaryAsync(c => c.HubSpotId, c => c.Id, StringComparer.Ordinal, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a sync page hit a transient database failure (attempt {Attempt}), written again: {Reason}")]
    private partial void LogTransientRetry(int attempt, string reason);
}
