using System.Text.Json;
using System.Text.Json.Nodes;
using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Privacy;

/// <summary>
/// The contact's events inside stored webhook batches: HubSpot sends record ids and changed values (emails
/// included), so the inbox holds personal data too. Shared by the export, which hands them out, and the erasure,
/// which takes them out.
/// </summary>
internal static class ContactWebhookEvents
{
    /// <summary>The workspace's batches whose text holds the HubSpot id; <see cref="IsAbout"/> then tells the events that are the contact's.</summary>
    public static IQueryable<WebhookInboxItem> Mentioning(AbmDbContext database, Guid workspaceId, string hubSpotId)
    {
        // The payload is jsonb on PostgreSQL, where a text search needs the cast; the events themselves are matched exactly by IsAbout.
        var mentioning = database.Database.IsNpgsql()
            ? database.WebhookInbox.FromSql($"SELECT * FROM webhook_inbox WHERE strpos(payload::text, {hubSpotId}) > 0")
            : database.WebhookInbox.FromSql($"SELECT * FROM webhook_inbox WHERE instr(payload, {hubSpotId}) > 0");
        return mentioning.Where(b => b.WorkspaceId == workspaceId);
    }

    /// <summary>The batch's events (as JSON nodes of its array) that are about the contact; empty when the payload is not an array.</summary>
    public static List<JsonNode> Of(JsonNode? payload, string hubSpotId) =>
        payload is JsonArray events ? [.. events.OfType<JsonObject>().Where(e => IsAbout(e, hubSpotId))] : [];

    private static bool IsAbout(JsonObject item, string hubSpotId) =>
        item["subscriptionType"]?.GetValueKind() == JsonValueKind.String
        && item["subscriptionType"]!.GetValue<string>().StartsWith("contact.", StringComparison.Ordinal)
        && item["objectId"]?.ToString() == hubSpotId;
}
