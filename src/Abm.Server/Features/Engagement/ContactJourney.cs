using System.Security.Claims;
using System.Text.Json;
using Abm.Data;
using Abm.Server.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

/// <summary>One change to a contact's pinned stage: when, who, from what to what (null: inferred).</summary>
internal sealed record StageOverrideChange(DateTime At, string Actor, string? From, string? To);

/// <summary>
/// A contact's engagement and stage: reads them, pins the stage (or releases it, with null), auditing the change
/// and recomputing the contact at once, and reads back the audit trail of those changes. The API's engagement and
/// journey-stage routes and the contact page all call this.
/// </summary>
internal sealed class ContactJourney(AbmDbContext database, AuditTrail audit, EngagementRecompute recompute)
{
    private const string Overridden = "journey_stage.overridden";
    private const string Cleared = "journey_stage.override_cleared";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The contact's score, its components and its stage (inferred or pinned); null when the contact is not in the workspace.</summary>
    public async Task<ContactEngagementResponse?> EngagementAsync(Guid id, CancellationToken cancellationToken)
    {
        var contact = await database.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var score = await database.ContactScores.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == id, cancellationToken);
        return ContactEngagementResponse.From(contact, score);
    }

    /// <summary>The contact's engagement after the change; null when the contact is not in the workspace.</summary>
    public async Task<ContactEngagementResponse?> SetAsync(Guid id, string? stage, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var contact = await database.Contacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        audit.Record(contact.WorkspaceId, user, stage is null ? Cleared : Overridden, "contact", contact.Id.ToString(), new { From = contact.JourneyStageOverride, To = stage });
        contact.JourneyStageOverride = stage;
        await database.SaveChangesAsync(cancellationToken);
        await recompute.RecomputeContactsAsync([id], cancellationToken);
        database.ChangeTracker.Clear();
        return await EngagementAsync(id, cancellationToken);
    }

    /// <summary>Every override and release of the contact's stage, newest first; null when the contact is not in the workspace.</summary>
    public async Task<IReadOnlyList<StageOverrideChange>?> HistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await database.Contacts.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return null;
        }

        var entityId = id.ToString();
        var rows = await database.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == "contact" && a.EntityId == entityId && (a.Action == Overridden || a.Action == Cleared))
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.OccurredAt, a.Actor, a.Details })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (Row: r, Change: r.Details is null ? null : JsonSerializer.Deserialize<Change>(r.Details, Json)))
            .Select(x => new StageOverrideChange(x.Row.OccurredAt, x.Row.Actor, x.Change?.From, x.Change?.To))];
    }

    private sealed record Change(string? From, string? To);
}
