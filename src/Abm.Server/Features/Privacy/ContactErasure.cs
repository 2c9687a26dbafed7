using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Privacy;

/// <summary>
/// What an erasure removed, table by table (rows), whether anything was there to erase, and what became of the
/// contact in HubSpot when that was asked for (null when it was not).
/// </summary>
internal sealed record ErasureReport(
    Guid ContactId, string Status, IReadOnlyDictionary<string, int> Removed, DateTime ErasedAt, HubSpotDeletion? HubSpot = null)
{
    /// <summary>The HubSpot record id the erasure acted on, when known; kept out of the answer.</summary>
    [JsonIgnore]
    public string? HubSpotId { get; init; }
}

/// <summary>Who asked for an erasure: an admin through the API or dashboard, or HubSpot itself (its privacy-deletion webhook).</summary>
internal sealed record ErasureRequester(ClaimsPrincipal? User, string Actor, string? Source)
{
    public static readonly ErasureRequester HubSpotWebhook = new(null, "hubspot", "webhook");

    public static ErasureRequester Of(ClaimsPrincipal user) => new(user, user.Actor(), null);
}

/// <summary>
/// Erases one contact from the local copy, in one transaction: the contact row and everything that hangs from it
/// (events, scores, lead scores, recommendations and verdicts, nurture enrolments and actions, deal links), its
/// sales tasks, its queued and sent write-back rows, its webhook marks, and its events inside stored webhook
/// batches (the rest of each batch stays). A tombstone of salted hashes is left so sync and webhooks never bring the
/// person back; the audit log records who asked, and the counts, never the person's data.
/// </summary>
internal sealed class ContactErasure(AbmDbContext database, ErasedContacts erased, AuditTrail audit, TimeProvider clock)
{
    private const string ContactObjectType = "contacts";

    /// <summary>The report, or null when the reference names no contact, present or erased.</summary>
    public async Task<ErasureReport?> EraseAsync(ContactReference reference, ErasureRequester requester, CancellationToken cancellationToken)
    {
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var contact = await reference.Find(database.Contacts).FirstOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            // Asked again (a retry, a second request): done already, and nothing of the person is left to report.
            return await erased.FindAsync(reference, cancellationToken) is { } tombstone
                ? new ErasureReport(tombstone.ContactId, "already_erased", new Dictionary<string, int>(), tombstone.ErasedAt) { HubSpotId = reference.HubSpotId }
                : null;
        }

        var contactId = contact.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["engagement_events"] = await database.EngagementEvents.CountAsync(e => e.ContactId == contactId, cancellationToken),
            ["contact_scores"] = await database.ContactScores.CountAsync(s => s.ContactId == contactId, cancellationToken),
            ["lead_scores"] = await database.LeadScores.CountAsync(s => s.ContactId == contactId, cancellationToken),
            ["recommendations"] = await database.Recommendations.CountAsync(r => r.ContactId == contactId, cancellationToken),
            ["recommendation_feedback"] = await database.RecommendationFeedback.CountAsync(f => f.ContactId == contactId, cancellationToken),
            ["experiment_exposures"] = await database.ExperimentExposures.CountAsync(x => x.ContactId == contactId, cancellationToken),
            ["nurture_enrollments"] = await database.NurtureEnrollments.CountAsync(e => e.ContactId == contactId, cancellationToken),
            ["deal_contacts"] = await database.DealContacts.CountAsync(d => d.ContactId == contactId, cancellationToken),
            ["contact_suppressions"] = await database.ContactSuppressions.CountAsync(s => s.ContactId == contactId, cancellationToken),
            ["sales_tasks"] = await database.SalesTasks.Where(t => t.ContactId == contactId).ExecuteDeleteAsync(cancellationToken),
            ["hubspot_outbox"] = await database.HubSpotOutbox.Where(o => o.ObjectType == ContactObjectType && o.HubSpotId == contact.HubSpotId).ExecuteDeleteAsync(cancellationToken),
            ["webhook_record_marks"] = await database.WebhookRecordMarks.Where(m => m.ObjectType == ContactObjectType && m.HubSpotId == contact.HubSpotId).ExecuteDeleteAsync(cancellationToken),
            ["webhook_inbox_events"] = await RedactWebhookBatchesAsync(contact.WorkspaceId, contact.HubSpotId, cancellationToken),
            ["contacts"] = 1,
        };

        await erased.BuryAsync(contact, requester.Actor, now, cancellationToken);
        database.Contacts.Remove(contact);
        if (requester.User is { } user)
        {
            audit.Record(contact.WorkspaceId, user, "contact.erased", "contact", contactId.ToString(), new { removed });
        }
        else
        {
            audit.Record(contact.WorkspaceId, requester.Actor, "contact.erased", "contact", contactId.ToString(), new { removed }, requester.Source);
        }

        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ErasureReport(contactId, "erased", removed, now) { HubSpotId = contact.HubSpotId };
    }

    /// <summary>Takes the contact's events out of stored webhook batches (HubSpot sends ids and changed values, emails included); an emptied batch goes.</summary>
    private async Task<int> RedactWebhookBatchesAsync(Guid workspaceId, string hubSpotId, CancellationToken cancellationToken)
    {
        var taken = 0;
        var batches = await ContactWebhookEvents.Mentioning(database, workspaceId, hubSpotId).ToListAsync(cancellationToken);
        foreach (var batch in batches)
        {
            if (JsonNode.Parse(batch.Payload) is not JsonArray events)
            {
                continue;
            }

            var theirs = ContactWebhookEvents.Of(events, hubSpotId);
            foreach (var item in theirs)
            {
                events.Remove(item);
            }

            taken += theirs.Count;
            if (events.Count == 0)
            {
                database.WebhookInbox.Remove(batch);
            }
            else if (theirs.Count > 0)
            {
                batch.Payload = events.ToJsonString();
            }
        }

        return taken;
    }
}
