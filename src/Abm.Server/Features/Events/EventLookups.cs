using Abm.Data;
using Abm.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Events;

internal sealed record KnownContact(Guid Id, string HubSpotId, string? Email, DateTime UpdatedAt);

/// <summary>
/// Everything a batch refers to, fetched in one query per kind (contacts, content, seen client ids)
/// instead of one per event.
/// </summary>
internal sealed class EventLookups
{
    private Dictionary<string, KnownContact> _byHubSpotId = [];
    private Dictionary<string, KnownContact> _byEmail = [];

    public HashSet<Guid> ContentIds { get; private set; } = [];

    public HashSet<string> KnownClientEventIds { get; private set; } = [];

    public static async Task<EventLookups> LoadAsync(AbmDbContext database, IReadOnlyList<IncomingEvent> items, CancellationToken cancellationToken)
    {
        // Texts with control characters are rejected by the validator; PostgreSQL would refuse a NUL even in a lookup.
        var hubSpotIds = items.Select(i => i.ContactHubSpotId).OfType<string>().Where(s => s.Length > 0 && ControlCharacters.IsClean(s)).Distinct().ToList();
        var emails = items.Select(i => i.ContactEmail?.Trim().ToLowerInvariant()).OfType<string>().Where(s => s.Length > 0 && ControlCharacters.IsClean(s)).Distinct().ToList();
        var contentIds = items.Select(i => i.ContentId).OfType<Guid>().Distinct().ToList();
        var clientIds = items.Select(i => i.ClientEventId).OfType<string>().Where(ControlCharacters.IsClean).Distinct().ToList();

        // Only what matching needs, untracked: intake writes events, never contacts.
        var contacts = await database.Contacts.AsNoTracking()
            .Where(c => hubSpotIds.Contains(c.HubSpotId) || (c.Email != null && emails.Contains(c.Email.ToLower())))
            .Select(c => new KnownContact(c.Id, c.HubSpotId, c.Email, c.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new EventLookups
        {
            _byHubSpotId = contacts.ToDictionary(c => c.HubSpotId, StringComparer.Ordinal),
            // Two contacts can share an email after a HubSpot merge is undone; the newest record wins.
            _byEmail = contacts.Where(c => c.Email is not null)
                .GroupBy(c => c.Email!.ToLowerInvariant())
                .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.UpdatedAt).First(), StringComparer.Ordinal),
            ContentIds = [.. await database.ContentItems.Where(c => contentIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)],
            KnownClientEventIds = [.. await database.EngagementEvents
                .Where(e => e.ClientEventId != null && clientIds.Contains(e.ClientEventId))
                .Select(e => e.ClientEventId!).ToListAsync(cancellationToken)],
        };
    }

    public KnownContact? FindContact(IncomingEvent item)
    {
        if (item.ContactHubSpotId is { Length: > 0 } id)
        {
            return _byHubSpotId.GetValueOrDefault(id);
        }

        return item.ContactEmail?.Trim().ToLowerInvariant() is { Length: > 0 } email ? _byEmail.GetValueOrDefault(email) : null;
    }
}
