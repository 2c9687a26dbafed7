using Abm.Data;
using Abm.Server.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// Scores what a sync left unscored, for callers without the background workers (the <c>abm sync</c> verb): the
/// contacts the run queued for rescoring, and every contact of the workspace that has no score yet (a run
/// killed before its end queues nothing for the pages it wrote). So a sync leaves the data consistent.
/// </summary>
internal sealed class SyncedContactScoring(AbmDbContext database, ScoringQueue queue, EngagementRecompute recompute, ContentPerformanceUpdater content)
{
    /// <summary>Scores the workspace the context is scoped to; work queued for other workspaces is queued again.</summary>
    public async Task<RecomputeSummary> ScoreAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var (pending, requests) = queue.TakeAll();
        try
        {
            foreach (var (otherWorkspace, work) in pending.Where(p => p.Key != workspaceId))
            {
                queue.Enqueue(otherWorkspace, work.ContactIds, work.ContentIds);
            }

            var mine = pending.GetValueOrDefault(workspaceId) ?? new ScoringWork([], []);
            mine.ContactIds.UnionWith(await database.Contacts
                .Where(c => c.ArchivedAt == null && !database.ContactScores.Any(s => s.ContactId == c.Id))
                .Select(c => c.Id)
                .ToListAsync(cancellationToken));
            var summary = await recompute.RecomputeContactsAsync(mine.ContactIds, cancellationToken);
            await content.UpdateAsync(mine.ContentIds, cancellationToken);
            return summary;
        }
        finally
        {
            queue.Finished(requests);
        }
    }
}
