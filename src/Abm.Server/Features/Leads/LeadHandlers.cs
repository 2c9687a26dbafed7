using Abm.Data;
using Abm.Server.Errors;
using Abm.Server.Features.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Leads;

/// <summary>The scored leads: the priority queues, one lead's score and reasoning, scoring on demand.</summary>
internal static class LeadHandlers
{
    private const int MaxPageSize = 500;
    private static readonly string[] FitLevels = ["High", "Medium", "Low"];

    public static async Task<Results<Ok<LeadPage>, ValidationProblem>> ListAsync(
        LeadQuery leads, string? priority, string? fit, string? owner, int? limit, int? offset, CancellationToken cancellationToken)
    {
        var (take, skip) = (limit ?? 50, offset ?? 0);
        var errors = new Dictionary<string, string[]>();
        if (priority is not null && !LeadPriorities.All.Contains(priority))
        {
            errors["priority"] = ["priority must be high, medium or low."];
        }

        if (fit is not null && !FitLevels.Contains(fit))
        {
            errors["fit"] = ["fit must be High, Medium or Low."];
        }

        if (take is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"limit must be 1..{MaxPageSize}."];
        }

        if (skip < 0)
        {
            errors["offset"] = ["offset must be at least 0."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await leads.ListAsync(priority, fit, owner, take, skip, cancellationToken));
    }

    public static async Task<Results<Ok<LeadDetail>, ProblemHttpResult>> GetAsync(
        Guid id, LeadQuery leads, CancellationToken cancellationToken) =>
        await leads.DetailAsync(id, cancellationToken) is { } detail ? TypedResults.Ok(detail) : NotFound(id);

    public static async Task<Results<Ok<LeadDetail>, ProblemHttpResult>> ScoreOneAsync(
        Guid id, AbmDbContext database, LeadScoring scoring, LeadQuery leads, ProfilingConsent profiling, CancellationToken cancellationToken)
    {
        var contactId = id;
        if (!await database.Contacts.AnyAsync(c => c.Id == contactId && c.ArchivedAt == null, cancellationToken))
        {
            return NotFound(contactId);
        }

        if ((await profiling.WithdrawnAsync([contactId], cancellationToken)).Count > 0)
        {
            return ApiProblems.Conflict("Profiling withdrawn", $"Contact {contactId} withdrew profiling, so it is not scored as a lead (PUT /api/contacts/{contactId}/consent).");
        }

        await scoring.ScoreAsync([contactId], cancellationToken);
        database.ChangeTracker.Clear();
        return await GetAsync(contactId, leads, cancellationToken);
    }

    public static async Task<Ok<LeadScoringSummary>> ScoreManyAsync(LeadScoreRequest request, AbmDbContext database, LeadScoring scoring, CancellationToken cancellationToken)
    {
        if (request.All == true)
        {
            return TypedResults.Ok(await scoring.ScoreWorkspaceAsync(onlyUnscored: false, cancellationToken));
        }

        // Ids of other workspaces' contacts are not found by the workspace's query filter, so they are skipped.
        return TypedResults.Ok(await scoring.ScoreAsync(request.ContactIds!, cancellationToken));
    }

    private static ProblemHttpResult NotFound(Guid contactId) => ApiProblems.NotFound("Contact not found", $"No contact {contactId} in this workspace.");
}
