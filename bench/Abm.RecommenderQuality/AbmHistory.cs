using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.RecommenderQuality;

/// <summary>
/// What the server knows after the run, read from its database: its contacts, its content library, and which
/// items each contact already interacted with (any event naming the item, which is exactly what the recommender
/// excludes). The baselines learn only from this, like the recommender.
/// </summary>
internal sealed class AbmHistory
{
    private AbmHistory(
        Dictionary<string, Guid> contactsByHubSpotId, Dictionary<Guid, string> externalIds, ILookup<Guid, Guid> consumedByContact)
    {
        ContactsByHubSpotId = contactsByHubSpotId;
        ExternalIds = externalIds;
        // By external id, which the catalogue fixes, so the baselines draw and break ties the same way on every run.
        Library = [.. externalIds.OrderBy(item => item.Value, StringComparer.Ordinal).Select(item => item.Key)];
        Consumed = consumedByContact.ToDictionary(g => g.Key, g => g.ToHashSet());
    }

    /// <summary>The server's contact id by HubSpot id.</summary>
    public Dictionary<string, Guid> ContactsByHubSpotId { get; }

    /// <summary>Every library item (the server's id), in external id order.</summary>
    public IReadOnlyList<Guid> Library { get; }

    /// <summary>The catalogue's external id of each library item.</summary>
    public Dictionary<Guid, string> ExternalIds { get; }

    /// <summary>Items each contact interacted with; contacts without any are absent.</summary>
    public Dictionary<Guid, HashSet<Guid>> Consumed { get; }

    public IReadOnlySet<Guid> ConsumedBy(Guid contactId) => Consumed.TryGetValue(contactId, out var items) ? items : [];

    public static async Task<AbmHistory> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(services.GetRequiredService<DefaultWorkspace>().Id);
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var contacts = await database.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null)
            .ToDictionaryAsync(c => c.HubSpotId, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var library = await database.ContentItems.AsNoTracking().Where(c => c.ArchivedAt == null && c.ExternalId != null)
            .ToDictionaryAsync(c => c.Id, c => c.ExternalId!, cancellationToken);
        var consumed = await database.EngagementEvents.AsNoTracking().Where(e => e.ContentId != null)
            .Select(e => new { e.ContactId, ContentId = e.ContentId!.Value }).Distinct().ToListAsync(cancellationToken);
        return new AbmHistory(contacts, library, consumed.ToLookup(e => e.ContactId, e => e.ContentId));
    }
}
