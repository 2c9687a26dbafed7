using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Leads;

/// <summary>The scored leads: the priority queues, one lead's score and reasoning, scoring on demand.</summary>
internal static class LeadHandlers
{
    private const int MaxPageSize = 500;
    private static readonly string[] FitLevels = ["High", "Medium", "Low"];

    public static async Task<Results<Ok<LeadPage>, ValidationProblem>> ListAsync(
        AbmDbContext database, string? priority, string? fit, string? owner, int? limit, int? offset, CancellationToken cancellationToken)
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

        var query = database.LeadScores.Where(s => s.IsCurrent)
            .Join(database.Contacts.Where(c => c.ArchivedAt == null), s => s.ContactId, c => c.Id, (s, c) => new { Score = s, Contact = c });
        if (priority is not null)
        {
            query = query.Where(x => x.Score.Priority == priority);
        }

        if (fit is not null)
        {
            query = query.Where(x => x.Score.Fit == fit);
        }

        if (!string.IsNullOrWhiteSpace(owner))
        {
            query = query.Where(x => x.Contact.OwnerHubSpotId == owner);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.Score.Score).ThenBy(x => x.Score.ScoredAt).ThenBy(x => x.Contact.Id)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new LeadPage(rows.Select(r => LeadPriorities.Summary(r.Score, r.Contact)).ToList(), total, take, skip));
    }

    public static async Task<Results<Ok<LeadDetail>, ProblemHttpResult>> GetAsync(
        Guid id, AbmDbContext database, CancellationToken cancellationToken)
    {
        var contactId = id;
        var contact = await database.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.ArchivedAt == null, cancellationToken);
        if (contact is null)
        {
            return NotFound(contactId);
        }

        var score = await database.LeadScores.AsNoTracking().FirstOrDefaultAsync(s => s.ContactId == contactId && s.IsCurrent, cancellationToken);
        return TypedResults.Ok(Detail(contact, score));
    }

    public static async Task<Results<Ok<LeadDetail>, ProblemHttpResult>> ScoreOneAsync(
        Guid id, AbmDbContext database, LeadScoring scoring, CancellationToken cancellationToken)
    {
        var contactId = id;
        if (!await database.Contacts.AnyAsync(c => c.Id == contactId && c.ArchivedAt == null, cancellationToken))
        {
            return NotFound(contactId);
        }

        await scoring.ScoreAsync([contactId], cancellationToken);
        database.ChangeTracker.Clear();
        return await GetAsync(contactId, database, cancellationToken);
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

    private static LeadDetail Detail(Contact contact, LeadScore? score)
    {
        if (score is null)
        {
            return new LeadDetail(contact.Id, contact.HubSpotId, contact.Email, "unscored", null, null, null, null, null, [], [], null, null, null, null, null, null, null, null, null);
        }

        var details = LeadScoring.ReadDetails(score.Details);
        return new LeadDetail(contact.Id, contact.HubSpotId, contact.Email, "scored", score.Score, score.Fit, score.NextAction, score.Priority, score.Reasoning,
            details.Criteria, details.SimilarClients, score.Provider, score.Model, score.UsedFallback, score.FallbackReason, score.LatencyMs, score.InputTokens,
            score.OutputTokens, score.EstimatedCostUsd, score.ScoredAt);
    }

    private static ProblemHttpResult NotFound(Guid contactId) => ApiProblems.NotFound("Contact not found", $"No contact {contactId} in this workspace.");
}
