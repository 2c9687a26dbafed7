using Abm.Data;
using Abm.Server.Features.Listing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

/// <summary>One thing a contact did, as timelines show it, newest first.</summary>
internal sealed record ActivityEntry(DateTime OccurredAt, Guid ContactId, string ContactName, string EventType, Guid? ContentId, string? ContentTitle);

/// <summary>The latest events of one contact or of an account's contacts, with the title of the item each one concerns.</summary>
internal sealed class EngagementTimeline(AbmDbContext database)
{
    public const int DefaultLength = 25;
    public const int MaxLength = 200;

    /// <summary>The contact's latest events; null when the contact is not in the workspace.</summary>
    public async Task<IReadOnlyList<ActivityEntry>?> ForContactAsync(Guid id, int limit, CancellationToken cancellationToken)
    {
        var contact = await database.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.FirstName, c.LastName, c.Email, c.HubSpotId }).SingleOrDefaultAsync(cancellationToken);
        return contact is null
            ? null
            : await LatestAsync(new Dictionary<Guid, string> { [id] = PersonNames.Of(contact.FirstName, contact.LastName, contact.Email, contact.HubSpotId)! }, limit, cancellationToken);
    }

    /// <param name="contacts">The contacts whose events to read, with the name to show for each.</param>
    /// <param name="limit">How many events at most.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<IReadOnlyList<ActivityEntry>> LatestAsync(IReadOnlyDictionary<Guid, string> contacts, int limit, CancellationToken cancellationToken)
    {
        if (contacts.Count == 0)
        {
            return [];
        }

        var ids = contacts.Keys.ToList();
        var latest = await (from e in database.EngagementEvents.AsNoTracking()
                            where ids.Contains(e.ContactId)
                            orderby e.OccurredAt descending, e.Id
                            join item in database.ContentItems on e.ContentId equals item.Id into items
                            from item in items.DefaultIfEmpty()
                            select new { e.OccurredAt, e.ContactId, e.EventType, e.ContentId, Title = item == null ? null : item.Title })
                           .Take(limit)
                           .ToListAsync(cancellationToken);
        return [.. latest.Select(e => new ActivityEntry(e.OccurredAt, e.ContactId, contacts[e.ContactId], e.EventType, e.ContentId, e.Title))];
    }
}
