using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Leads;

/// <summary>The priority queues and one lead's score with its reasoning: the reads behind the lead routes and the leads page.</summary>
internal sealed class LeadQuery(AbmDbContext database)
{
    /// <summary>Current scores, best first, of live contacts; filters are checked by the caller.</summary>
    public async Task<LeadPage> ListAsync(string? priority, string? fit, string? owner, int take, int skip, CancellationToken cancellationToken)
    {
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
        return new LeadPage(rows.Select(r => LeadPriorities.Summary(r.Score, r.Contact)).ToList(), total, take, skip);
    }

    /// <summary>The contact's current lead score and reasoning (prompt and response for admins only); null when there is no such live contact.</summary>
    public async Task<LeadDetail?> DetailAsync(Guid contactId, CancellationToken cancellationToken)
    {
        var contact = await database.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.ArchivedAt == null, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var score = await database.LeadScores.AsNoTracking().FirstOrDefaultAsync(s => s.ContactId == contactId && s.IsCurrent, cancellationToken);
        return Detail(contact, score);
    }

    private static LeadDetail Detail(Contact contact, LeadScore? score)
    {
        if (score is null)
        {
            return new LeadDetail(contact.Id, contact.HubSpotId, contact.Email, "unscored", null, null, null, null, null, [], [], null, null, null, null, null, null, null, null, null, null);
        }

        var details = LeadScoring.ReadDetails(score.Details);
        return new LeadDetail(contact.Id, contact.HubSpotId, contact.Email, "scored", score.Score, score.Fit, score.NextAction, score.Priority, score.Reasoning,
            details.Criteria, details.SimilarClients, score.SimilarityUnavailable, score.Provider, score.Model, score.UsedFallback, score.FallbackReason, score.LatencyMs, score.InputTokens,
            score.OutputTokens, score.EstimatedCostUsd, score.ScoredAt);
    }
}
