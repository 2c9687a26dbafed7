using System.Security.Claims;
using Abm.Data;
using Abm.Engines;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

internal static class EngagementHandlers
{
    public static async Task<Results<Ok<ContactEngagementResponse>, ProblemHttpResult>> GetContactAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken)
    {
        var contact = await database.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return ContactNotFound(id);
        }

        var score = await database.ContactScores.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == id, cancellationToken);
        return TypedResults.Ok(ContactEngagementResponse.From(contact, score));
    }

    public static async Task<Results<Ok<AccountEngagementResponse>, ProblemHttpResult>> GetAccountAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken)
    {
        var company = await database.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return ApiProblems.NotFound("Account not found", $"No company {id} in this workspace.");
        }

        var score = await database.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.CompanyId == id, cancellationToken);
        return TypedResults.Ok(new AccountEngagementResponse(
            company.Id, company.HubSpotId, company.Name, score?.Score ?? 0, score?.Velocity ?? 0, score?.StakeholderCoverage ?? 0,
            score is null ? null : RoleCounts.Parse(score.RoleCounts), score?.ComputedAt));
    }

    public static async Task<Results<Ok<ContactEngagementResponse>, ProblemHttpResult, ValidationProblem>> OverrideStageAsync(
        Guid id, JourneyOverrideRequest request, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, EngagementRecompute recompute, CancellationToken cancellationToken)
    {
        if (!WireNames.TryParseJourneyStage(request.Stage, out var stage))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stage"] = [$"stage '{request.Stage}' is not a journey stage."] });
        }

        return await SetOverrideAsync(id, stage.ToWireName(), user, database, audit, recompute, cancellationToken);
    }

    public static async Task<Results<Ok<ContactEngagementResponse>, ProblemHttpResult, ValidationProblem>> ClearOverrideAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, EngagementRecompute recompute, CancellationToken cancellationToken) =>
        await SetOverrideAsync(id, null, user, database, audit, recompute, cancellationToken);

    public static async Task<Ok<RecomputeSummary>> RecomputeAsync(EngagementRecompute recompute, CancellationToken cancellationToken) =>
        TypedResults.Ok(await recompute.RecomputeWorkspaceAsync(cancellationToken));

    public static async Task<Ok<EngagementSettingsDocument>> GetSettingsAsync(ClaimsPrincipal user, EngagementSettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(EngagementSettingsDocument.Describe(await store.LoadAsync(user.WorkspaceId(), cancellationToken)));

    public static async Task<Ok<EngagementSettingsDocument>> SaveSettingsAsync(
        EngagementSettingsDocument request, ClaimsPrincipal user, EngagementSettingsStore store, AbmDbContext database, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        await store.SaveAsync(workspaceId, request, clock.GetUtcNow().UtcDateTime, cancellationToken);
        audit.Record(workspaceId, user, "engagement.settings_changed", "workspace", workspaceId.ToString(), request);
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EngagementSettingsDocument.Describe(request.ToEngineSettings()));
    }

    /// <summary>Pins (or, with null, releases) the stage, audits it and recomputes the contact at once.</summary>
    private static async Task<Results<Ok<ContactEngagementResponse>, ProblemHttpResult, ValidationProblem>> SetOverrideAsync(
        Guid id, string? stage, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, EngagementRecompute recompute, CancellationToken cancellationToken)
    {
        var contact = await database.Contacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return ContactNotFound(id);
        }

        audit.Record(contact.WorkspaceId, user, stage is null ? "journey_stage.override_cleared" : "journey_stage.overridden", "contact", contact.Id.ToString(),
            new { From = contact.JourneyStageOverride, To = stage });
        contact.JourneyStageOverride = stage;
        await database.SaveChangesAsync(cancellationToken);
        await recompute.RecomputeContactsAsync([id], cancellationToken);
        var refreshed = await database.Contacts.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        var score = await database.ContactScores.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == id, cancellationToken);
        return TypedResults.Ok(ContactEngagementResponse.From(refreshed, score));
    }

    private static ProblemHttpResult ContactNotFound(Guid id) => ApiProblems.NotFound("Contact not found", $"No contact {id} in this workspace.");
}
