using Abm.Data;
using Abm.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Leads;

/// <summary>What the language model did: a lead's scorings with their prompts and answers (admins), and today's figures.</summary>
internal static class LeadAuditHandlers
{
    /// <summary>How many of a lead's scorings the audit shows.</summary>
    public const int AuditDepth = 20;

    private static readonly string[] AnsweredOutcomes = ["ok", "invalid_answer"];

    public static async Task<Results<Ok<LeadAudit>, ProblemHttpResult>> GetAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken)
    {
        var contactId = id;
        if (!await database.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
        {
            return ApiProblems.NotFound("Contact not found", $"No contact {contactId} in this workspace.");
        }

        var scores = await database.LeadScores.AsNoTracking().Where(s => s.ContactId == contactId)
            .OrderByDescending(s => s.ScoredAt).ThenByDescending(s => s.Id).Take(AuditDepth).ToListAsync(cancellationToken);
        var ids = scores.Select(s => s.Id).ToList();
        var calls = (await database.AiCalls.AsNoTracking().Where(c => ids.Contains(c.LeadScoreId)).ToListAsync(cancellationToken))
            .OrderBy(c => c.Attempt).ToLookup(c => c.LeadScoreId);
        return TypedResults.Ok(new LeadAudit(contactId, scores.Select(s => new LeadAuditEntry(
            s.Id, s.ScoredAt, s.IsCurrent, s.Score, s.Fit, s.NextAction, s.Method, s.Provider, s.Model, s.UsedFallback, s.FallbackReason, s.LatencyMs,
            s.InputTokens, s.OutputTokens, s.EstimatedCostUsd, s.Prompt, s.Response,
            calls[s.Id].Select(c => new AiCallResponse(c.Attempt, c.Outcome, c.HttpStatus, c.LatencyMs, c.InputTokens, c.OutputTokens, c.EstimatedCostUsd, c.CalledAt)).ToList())).ToList()));
    }

    public static async Task<Ok<AiStatus>> StatusAsync(AbmDbContext database, LeadEmbedder embedder, LeadReasoner reasoner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var scores = await database.LeadScores.Where(s => s.ScoredAt >= today)
            .Select(s => new { s.UsedFallback, s.LatencyMs }).ToListAsync(cancellationToken);
        var calls = await database.AiCalls.Where(c => c.CalledAt >= today)
            .Select(c => new { c.Outcome, c.LatencyMs, c.InputTokens, c.OutputTokens, c.EstimatedCostUsd }).ToListAsync(cancellationToken);
        var provider = reasoner.Provider;
        var last = provider is null ? null : await database.AiCalls.Where(c => c.Provider == provider)
            .OrderByDescending(c => c.CalledAt).ThenByDescending(c => c.Id).Select(c => new { c.Outcome, c.CalledAt }).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new AiStatus(
            provider ?? "fallback", reasoner.IsConfigured, reasoner.Model, last is null ? null : AnsweredOutcomes.Contains(last.Outcome), last?.Outcome, last?.CalledAt,
            embedder.Model, embedder.Dimensions,
            scores.Count, scores.Count(s => s.UsedFallback), scores.Count == 0 ? null : Math.Round(scores.Average(s => s.LatencyMs), 1),
            calls.Count, calls.Count(c => !AnsweredOutcomes.Contains(c.Outcome)), calls.Count == 0 ? null : Math.Round(calls.Average(c => c.LatencyMs), 1),
            calls.Sum(c => c.InputTokens), calls.Sum(c => c.OutputTokens), Math.Round(calls.Sum(c => c.EstimatedCostUsd), 6)));
    }
}
