using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Privacy;

/// <summary>A change of local consent: <c>false</c> withdraws a purpose, <c>true</c> allows it again, absent leaves it.</summary>
internal sealed record ConsentChange(bool? Email, bool? Tracking, bool? Profiling, [property: StringLength(500)] string? Reason);

/// <summary>The workspace's privacy switches; on a change, absent ones are left as they are.</summary>
internal sealed record PrivacySettings(
    bool? TrackingRequiresConsent,
    [property: Range(90, 3650, ErrorMessage = "eventRetentionDays must be between 90 and 3650.")] int? EventRetentionDays);

/// <summary>
/// Admins' view and change of consent: <c>GET/PUT /api/contacts/{id}/consent</c> (the contact named as the export
/// and erasure name it) and the workspace's <c>GET/PUT /api/privacy/settings</c>.
/// </summary>
internal static class ConsentEndpoints
{
    public static RouteGroupBuilder MapConsentEndpoints(this RouteGroupBuilder contacts)
    {
        contacts.MapGet("/{id}/consent", GetAsync).WithName("GetContactConsent").WithTags("Privacy").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("May we email, track and profile the contact, and if not why (HubSpot's opt-out or live subscription statuses, a local withdrawal).");
        contacts.MapPut("/{id}/consent", ChangeAsync).WithName("ChangeContactConsent").WithTags("Privacy").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Withdraws (false) or allows again (true) email, tracking or profiling for the contact here; absent purposes are left as they are.");
        return contacts;
    }

    public static RouteGroupBuilder MapPrivacySettingsEndpoints(this RouteGroupBuilder privacy)
    {
        privacy.WithTags("Privacy").RequireAuthorization(AccessPolicies.Admin);
        privacy.MapGet("/settings", GetSettingsAsync).WithName("GetPrivacySettings").WithSummary("The workspace's privacy switches.");
        privacy.MapPut("/settings", ChangeSettingsAsync).WithName("ChangePrivacySettings")
            .WithSummary("trackingRequiresConsent: record tracked visits only with the snippet's consent signal; eventRetentionDays (90-3650, default 730): raw events kept.");
        return privacy;
    }

    private static async Task<Results<Ok<ConsentAnswer>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, AbmDbContext database, ContactConsent consent, HubSpotClients clients, CancellationToken cancellationToken) =>
        await FindAsync(id, database, cancellationToken) switch
        {
            (_, { } invalid, _) => invalid,
            (_, _, { } missing) => missing,
            var (contact, _, _) => TypedResults.Ok(await consent.AnswerAsync(contact!, await clients.GetAsync(user.WorkspaceId(), cancellationToken), cancellationToken)),
        };

    private static async Task<Results<Ok<ConsentAnswer>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id, ConsentChange change, ClaimsPrincipal user, AbmDbContext database, ContactConsent consent, AuditTrail audit, WriteBackQueue writeBack,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (contact, invalid, missing) = await FindAsync(id, database, cancellationToken);
        if (invalid is not null || missing is not null)
        {
            return invalid is not null ? invalid : missing!;
        }

        var changed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (purpose, allowed) in new[] { (ConsentPurposes.Email, change.Email), (ConsentPurposes.Tracking, change.Tracking), (ConsentPurposes.Profiling, change.Profiling) })
        {
            if (allowed is not { } allow)
            {
                continue;
            }

            var existing = await database.ContactSuppressions.SingleOrDefaultAsync(s => s.ContactId == contact!.Id && s.Purpose == purpose, cancellationToken);
            if (allow && existing is not null)
            {
                database.ContactSuppressions.Remove(existing);
                changed[purpose] = true;
            }
            else if (!allow && existing is null)
            {
                database.ContactSuppressions.Add(new ContactSuppression
                {
                    Id = Guid.CreateVersion7(), WorkspaceId = contact!.WorkspaceId, ContactId = contact.Id, Purpose = purpose, Reason = change.Reason,
                    CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Actor(),
                });
                changed[purpose] = false;
            }
        }

        if (changed.Count > 0)
        {
            // The purposes and their new state, not the reason given: that may say more about the person than the log should.
            audit.Record(contact!.WorkspaceId, user, "contact.consent_changed", "contact", contact.Id.ToString(), new { allowed = changed });
            if (changed.GetValueOrDefault(ConsentPurposes.Profiling, true) is false)
            {
                // What HubSpot already holds of the profile is cleared; nothing newer is sent while the withdrawal stands.
                await writeBack.PreloadPendingAsync(WriteBackQueue.ContactObject, [contact.HubSpotId], cancellationToken);
                writeBack.EnqueueContactProperties(contact, ProfilingConsent.Blanks());
            }

            await database.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(await consent.AnswerAsync(contact!, cancellationToken));
    }

    private static async Task<Ok<PrivacySettings>> GetSettingsAsync(ClaimsPrincipal user, AbmDbContext database, CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        return TypedResults.Ok(await database.Workspaces.Where(w => w.Id == workspaceId)
            .Select(w => new PrivacySettings(w.TrackingRequiresConsent, w.EventRetentionDays)).SingleAsync(cancellationToken));
    }

    private static async Task<Ok<PrivacySettings>> ChangeSettingsAsync(
        PrivacySettings settings, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        var workspace = await database.Workspaces.SingleAsync(w => w.Id == workspaceId, cancellationToken);
        var changed = new PrivacySettings(
            settings.TrackingRequiresConsent is { } requires && requires != workspace.TrackingRequiresConsent ? requires : null,
            settings.EventRetentionDays is { } days && days != workspace.EventRetentionDays ? days : null);
        if (changed.TrackingRequiresConsent is not null || changed.EventRetentionDays is not null)
        {
            workspace.TrackingRequiresConsent = changed.TrackingRequiresConsent ?? workspace.TrackingRequiresConsent;
            workspace.EventRetentionDays = changed.EventRetentionDays ?? workspace.EventRetentionDays;
            audit.Record(workspaceId, user, "privacy.settings_changed", "workspace", workspaceId.ToString(), changed);
            await database.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new PrivacySettings(workspace.TrackingRequiresConsent, workspace.EventRetentionDays));
    }

    /// <summary>The contact the route names, or the 400 (bad id) or 404 (no such contact) to answer instead.</summary>
    private static async Task<(Contact? Contact, ValidationProblem? Invalid, ProblemHttpResult? Missing)> FindAsync(string id, AbmDbContext database, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var reference = PrivacyEndpoints.Read(reader, id);
        if (reader.HasErrors)
        {
            return (null, TypedResults.ValidationProblem(reader.Errors), null);
        }

        return await reference!.Find(database.Contacts.AsNoTracking()).FirstOrDefaultAsync(cancellationToken) is { } contact
            ? (contact, null, null)
            : (null, null, PrivacyEndpoints.NotFound(reference));
    }
}
