using System.Text.Json.Nodes;
using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Abm.Server.Features.Privacy;

/// <summary>
/// Everything held about one contact, table by table: the synced record (with its stage override), engagement
/// events (tracked visits and downloads among them: the tracking token itself is never stored), scores and their
/// history, lead scores with reasoning, recommendations served and verdicts, experiment exposures, nurture enrolments and actions, deal
/// links, sales tasks, write-back rows, consent withdrawn locally, webhook marks and events, and the audit entries
/// about the contact. Rows are
/// read a page at a time in key order and handed to the sink at once, so a contact with a million events is
/// exported in the memory of one page. The columns are the stored ones, as the database names them.
/// </summary>
internal sealed class ContactExport(AbmDbContext database)
{
    private const int PageSize = 500;
    private const string ContactObjectType = "contacts";

    public async Task WriteAsync(Contact contact, IExportSink sink, CancellationToken cancellationToken)
    {
        var (id, hubSpotId, textId) = (contact.Id, contact.HubSpotId, contact.Id.ToString());
        await PagedAsync(sink, database.Contacts.Where(c => c.Id == id), cancellationToken);
        await PagedAsync(sink, database.EngagementEvents.Where(e => e.ContactId == id), ByTime, cancellationToken);
        await PagedAsync(sink, database.ContactScores.Where(s => s.ContactId == id), cancellationToken);
        await PagedAsync(sink, database.LeadScores.Where(s => s.ContactId == id), cancellationToken);
        await PagedAsync(sink, database.Recommendations.Where(r => r.ContactId == id), cancellationToken);
        await PagedAsync(sink, database.ExperimentExposures.Where(x => x.ContactId == id), cancellationToken);
        await PagedAsync(sink, database.RecommendationFeedback.Where(f => f.ContactId == id), cancellationToken);
        await PagedAsync(sink, database.NurtureEnrollments.Where(e => e.ContactId == id), cancellationToken);
        await PagedAsync(sink, database.NurtureActions.Where(a => a.ContactId == id), cancellationToken);
        await PagedAsync(sink, database.SalesTasks.Where(t => t.ContactId == id), cancellationToken);
        await PagedAsync(sink, database.HubSpotOutbox.Where(o => o.ObjectType == ContactObjectType && o.HubSpotId == hubSpotId), cancellationToken);
        await PagedAsync(sink, database.ContactSuppressions.Where(s => s.ContactId == id), cancellationToken);
        await PagedAsync(sink, database.AuditLog.Where(a => a.EntityType == "contact" && a.EntityId == textId), cancellationToken);
        // Tables without an id of their own hold a handful of rows per contact: read at once.
        await WholeAsync(sink, database.DealContacts.Where(d => d.ContactId == id), cancellationToken);
        await WholeAsync(sink, database.WebhookRecordMarks.Where(m => m.ObjectType == ContactObjectType && m.HubSpotId == hubSpotId), cancellationToken);
        await WebhookEventsAsync(sink, contact, cancellationToken);
    }

    /// <summary>Pages by the row's id (version-7 GUIDs, so roughly in the order written).</summary>
    private Task PagedAsync<T>(IExportSink sink, IQueryable<T> rows, CancellationToken cancellationToken) where T : class
    {
        var key = database.Model.FindEntityType(typeof(T))!.FindProperty("Id")!.GetGetter();
        return PagedAsync(sink, rows, (page, last) =>
        {
            if (last is not null)
            {
                var after = (Guid)key.GetClrValue(last)!;
                page = page.Where(r => EF.Property<Guid>(r, "Id") > after);
            }

            return page.OrderBy(r => EF.Property<Guid>(r, "Id"));
        }, cancellationToken);
    }

    /// <summary>
    /// A contact's events page by time then id, the order of the (contact, time) index: each page starts where the last
    /// ended in the index. Paging them by id alone made every page sort all of the contact's later events, a cost that
    /// grows with the square of a contact's events.
    /// </summary>
    private static IQueryable<EngagementEvent> ByTime(IQueryable<EngagementEvent> page, EngagementEvent? last)
    {
        if (last is not null)
        {
            var (at, id) = (last.OccurredAt, last.Id);
            page = page.Where(e => e.OccurredAt >= at && !(e.OccurredAt == at && e.Id <= id));
        }

        return page.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id);
    }

    /// <summary>Hands the rows to the sink a page at a time: <paramref name="next"/> orders the rows and starts after the last one handed out.</summary>
    private async Task PagedAsync<T>(IExportSink sink, IQueryable<T> rows, Func<IQueryable<T>, T?, IQueryable<T>> next, CancellationToken cancellationToken)
        where T : class
    {
        var columns = Columns<T>();
        await sink.BeginTableAsync(Table<T>(), [.. columns.Select(c => c.Name)], cancellationToken);
        T? last = null;
        while (true)
        {
            var batch = await next(rows.AsNoTracking(), last).Take(PageSize).ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                await sink.RowAsync([.. columns.Select(c => c.Read(row))], cancellationToken);
            }

            if (batch.Count < PageSize)
            {
                break;
            }

            last = batch[^1];
        }

        await sink.EndTableAsync(cancellationToken);
    }

    private async Task WholeAsync<T>(IExportSink sink, IQueryable<T> rows, CancellationToken cancellationToken) where T : class
    {
        var columns = Columns<T>();
        await sink.BeginTableAsync(Table<T>(), [.. columns.Select(c => c.Name)], cancellationToken);
        foreach (var row in await rows.AsNoTracking().ToListAsync(cancellationToken))
        {
            await sink.RowAsync([.. columns.Select(c => c.Read(row))], cancellationToken);
        }

        await sink.EndTableAsync(cancellationToken);
    }

    /// <summary>The contact's own events out of stored webhook batches (other people's events in the same batch are left out).</summary>
    private async Task WebhookEventsAsync(IExportSink sink, Contact contact, CancellationToken cancellationToken)
    {
        await sink.BeginTableAsync("webhook_inbox_events", ["batch_id", "received_at", "status", "event"], cancellationToken);
        var batches = ContactWebhookEvents.Mentioning(database, contact.WorkspaceId, contact.HubSpotId).AsNoTracking();
        Guid? after = null;
        while (true)
        {
            var page = after is { } last ? batches.Where(b => b.Id > last) : batches;
            var batch = await page.OrderBy(b => b.Id).Take(PageSize).ToListAsync(cancellationToken);
            foreach (var item in batch)
            {
                foreach (var webhookEvent in ContactWebhookEvents.Of(JsonNode.Parse(item.Payload), contact.HubSpotId))
                {
                    await sink.RowAsync([item.Id, item.ReceivedAt, item.Status, webhookEvent.ToJsonString()], cancellationToken);
                }
            }

            if (batch.Count < PageSize)
            {
                break;
            }

            after = batch[^1].Id;
        }

        await sink.EndTableAsync(cancellationToken);
    }

    private string Table<T>() => database.Model.FindEntityType(typeof(T))!.GetTableName()!;

    /// <summary>The mapped columns in the order the entity declares them (binary columns, none of which hold a contact's data, are skipped).</summary>
    private List<(string Name, Func<object, object?> Read)> Columns<T>()
    {
        var entity = database.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return [.. typeof(T).GetProperties()
            .Select(p => entity.FindProperty(p.Name))
            .OfType<IProperty>()
            .Where(p => p.ClrType != typeof(byte[]))
            .Select(p => (p.GetColumnName(table)!, (Func<object, object?>)p.GetGetter().GetClrValue))];
    }
}
