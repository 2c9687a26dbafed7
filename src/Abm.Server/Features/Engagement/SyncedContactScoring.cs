using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// Scores what a sync left unscored, for callers without the background workers (the <c>abm sync</c> verb): the
/// contacts the run queued for rescoring, and every contact of the workspace that has no score yet (a run
/// killed before its end queues nothing for the pages it wrote). So a sync leaves the data consistent.
/// </summary>
internal sealed class SyncedContactScoring(AbmDbContext database, ScoringQueue queue, EngagementRecompute recompute)
{
    public async Task<RecomputeSummary> ScoreAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var contactIds = new HashSet<Guid>();
        var requests = 0;
        while (queue.Reader.TryRead(out var request))
        {
            requests++;
            if (request.WorkspaceId == workspaceId)
            {
                contactIds.UnionWith(request.ContactIds);
            }
        }

        try
        {
            contactIds.UnionWith(await database.Contacts
                .Where(c => c.ArchivedAt == null && !database.ContactScores.Any(s => s.ContactId == c.Id))
                .Select(c => c.Id)
                .ToListAsync(cancellationToken));
            return await recompute.RecomputeContactsAsync(contactIds, cancellationToken);
        }
        finally
        {
            queue.Finished(requests);
        }
    }
}
