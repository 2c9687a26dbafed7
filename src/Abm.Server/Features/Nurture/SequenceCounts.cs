using Abm.Data;
using Abm.Server.Features.Nurture.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture;

/// <summary>A sequence with how many contacts it enrolled, over all its versions, by where their enrolments are now.</summary>
internal sealed record SequenceWithCounts(SequenceSummary Sequence, int Enrolled, int Active, int Completed, int GoalReached, int Exited);

/// <summary>The sequence list with enrolment counts: the list route's sequences and one grouped count of enrolments.</summary>
internal static class SequenceCounts
{
    public static async Task<List<SequenceWithCounts>> ListAsync(AbmDbContext database, CancellationToken cancellationToken)
    {
        var sequences = (await SequenceHandlers.ListAsync(database, cancellationToken)).Value ?? [];
        var counts = (await database.NurtureEnrollments.AsNoTracking().GroupBy(e => new { e.SequenceId, e.Status })
            .Select(g => new { g.Key.SequenceId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken)).ToLookup(c => c.SequenceId);
        return [.. sequences.Select(s =>
        {
            var own = counts[s.Id].ToList();
            int Count(string status) => own.Where(c => c.Status == status).Sum(c => c.Count);
            return new SequenceWithCounts(s, own.Sum(c => c.Count), Count(EnrollmentStatus.Active), Count(EnrollmentStatus.Completed),
                Count(EnrollmentStatus.GoalReached), Count(EnrollmentStatus.Exited));
        })];
    }
}
