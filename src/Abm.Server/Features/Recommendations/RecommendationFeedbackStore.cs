using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Recommendations;

internal static class FeedbackVerdicts
{
    public const string Approved = "approved";
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Approved, Skipped];
}

/// <summary>A verdict on one item for one contact, as the API and the contact page show it.</summary>
internal sealed record FeedbackResponse(Guid ContactId, Guid ContentId, string Title, string Verdict, string DecidedBy, DateTime DecidedAt);

/// <summary>
/// Approve or skip, per contact and recommended item. A skipped item is left out of that contact's
/// recommendations from then on; an approved one stays and is marked approved. Both are kept, with who decided
/// and when, as the workspace's own judgement of the recommender.
/// </summary>
internal sealed class RecommendationFeedbackStore(AbmDbContext database, TimeProvider clock)
{
    /// <summary>Records <paramref name="verdict"/>, replacing an earlier one; null when the contact or the item is not in the workspace.</summary>
    public async Task<FeedbackResponse?> DecideAsync(Guid contactId, Guid contentId, string verdict, string decidedBy, CancellationToken cancellationToken)
    {
        var title = await database.ContentItems.Where(c => c.Id == contentId).Select(c => c.Title).SingleOrDefaultAsync(cancellationToken);
        if (title is null || !await database.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
        {
            return null;
        }

        var row = await database.RecommendationFeedback.SingleOrDefaultAsync(f => f.ContactId == contactId && f.ContentId == contentId, cancellationToken);
        if (row is null)
        {
            row = new RecommendationFeedback
            {
                Id = Guid.CreateVersion7(), WorkspaceId = database.CurrentWorkspaceId!.Value, ContactId = contactId, ContentId = contentId, Verdict = verdict, DecidedBy = decidedBy,
            };
            database.RecommendationFeedback.Add(row);
        }

        (row.Verdict, row.DecidedBy, row.DecidedAt) = (verdict, decidedBy, clock.GetUtcNow().UtcDateTime);
        try
        {
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (database.Entry(row).State == EntityState.Added)
        {
            // Someone decided on the same item at the same moment: theirs stands, ours replaces it.
            database.ChangeTracker.Clear();
            return await DecideAsync(contactId, contentId, verdict, decidedBy, cancellationToken);
        }

        return new FeedbackResponse(contactId, contentId, title, row.Verdict, row.DecidedBy, row.DecidedAt);
    }

    /// <summary>Takes a verdict back; false when there was none.</summary>
    public async Task<bool> WithdrawAsync(Guid contactId, Guid contentId, CancellationToken cancellationToken) =>
        await database.RecommendationFeedback.Where(f => f.ContactId == contactId && f.ContentId == contentId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Every verdict on the contact's recommendations, newest first; null when the contact is not in the workspace.</summary>
    public async Task<IReadOnlyList<FeedbackResponse>?> ListAsync(Guid contactId, CancellationToken cancellationToken) =>
        !await database.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken)
            ? null
            : await (from f in database.RecommendationFeedback.AsNoTracking()
                     where f.ContactId == contactId
                     join item in database.ContentItems on f.ContentId equals item.Id
                     orderby f.DecidedAt descending
                     select new FeedbackResponse(f.ContactId, f.ContentId, item.Title, f.Verdict, f.DecidedBy, f.DecidedAt))
              .ToListAsync(cancellationToken);

    /// <summary>The contact's verdicts by item, what the recommendations are filtered and marked with.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> VerdictsAsync(Guid contactId, CancellationToken cancellationToken) =>
        await database.RecommendationFeedback.AsNoTracking().Where(f => f.ContactId == contactId)
            .ToDictionaryAsync(f => f.ContentId, f => f.Verdict, cancellationToken);
}
