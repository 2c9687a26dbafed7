using System.Text.Json;
using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Marketing;

/// <summary>An open or click of a marketing email, as the sync stored it.</summary>
internal sealed record MarketingEmailEvent(Guid ContactId, string Type, DateTime OccurredAt);

/// <summary>
/// The opens and clicks the sync pulled from HubSpot's email events that belong to given marketing emails, matched by
/// the <c>emailCampaignId</c> each event keeps in its metadata. Read locally: counting costs no HubSpot call.
/// </summary>
internal static class MarketingEmailEvents
{
    public const string Open = "email_open";
    public const string Click = "email_click";

    /// <summary>Events of <paramref name="emailCampaignIds"/> since <paramref name="since"/>, of <paramref name="contacts"/> when given.</summary>
    public static async Task<List<MarketingEmailEvent>> ReadAsync(
        AbmDbContext database, IReadOnlySet<long> emailCampaignIds, DateTime since, IReadOnlyCollection<Guid>? contacts, CancellationToken cancellationToken)
    {
        if (emailCampaignIds.Count == 0 || contacts is { Count: 0 })
        {
            return [];
        }

        var query = database.EngagementEvents.AsNoTracking()
            .Where(e => e.Source == "hubspot" && (e.EventType == Open || e.EventType == Click) && e.OccurredAt >= since && e.Metadata != null);
        if (contacts is not null)
        {
            query = query.Where(e => contacts.Contains(e.ContactId));
        }

        // The campaign id sits inside a JSON document whose column type differs by provider, so it is read here.
        var rows = await query.Select(e => new { e.ContactId, e.EventType, e.OccurredAt, e.Metadata }).ToListAsync(cancellationToken);
        return [.. rows.Where(r => CampaignIdOf(r.Metadata) is { } id && emailCampaignIds.Contains(id)).Select(r => new MarketingEmailEvent(r.ContactId, r.EventType, r.OccurredAt))];
    }

    public static long? CampaignIdOf(string? metadata)
    {
        if (string.IsNullOrEmpty(metadata) || !metadata.Contains("emailCampaignId", StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(metadata);
        return document.RootElement.TryGetProperty("emailCampaignId", out var id) && id.TryGetInt64(out var value) ? value : null;
    }

    public static IReadOnlySet<long> ParseIds(string json) => JsonSerializer.Deserialize<HashSet<long>>(json) ?? [];
}
