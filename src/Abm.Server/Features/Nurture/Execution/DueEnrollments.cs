using System.Runtime.CompilerServices;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Database;
using Abm.Server.Features.Nurture.Enrollments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// Claims a batch of the current workspace's due, active enrolments of active sequences, in one statement that
/// moves their due time past the claim period: another claim (another instance, or a later pass) skips them
/// until then, and if this instance dies mid-batch they come due again when the claim lapses. The inner select
/// walks the partial index of due active enrolments.
/// </summary>
internal sealed class DueEnrollments(AbmDbContext database, IOptions<NurtureOptions> options, TimeProvider clock)
{
    public async Task<List<NurtureEnrollment>> ClaimAsync(DateTime dueBy, CancellationToken cancellationToken)
    {
        var workspaceId = database.CurrentWorkspaceId ?? throw new InvalidOperationException("Enrolments are claimed for one workspace at a time.");
        var claimUntil = clock.GetUtcNow().UtcDateTime.AddSeconds(options.Value.ClaimSeconds);
        var claim = FormattableStringFactory.Create(
            $$"""
            UPDATE nurture_enrollments SET next_action_due = {0}
            WHERE id IN (SELECT e.id FROM nurture_enrollments e
                         WHERE e.workspace_id = {1} AND e.status = {2} AND e.next_action_due <= {3}
                           AND e.sequence_id IN (SELECT s.id FROM nurture_sequences s WHERE s.workspace_id = {1} AND s.status = 'active')
                         ORDER BY e.next_action_due LIMIT {4} {{RowClaims.LockClause(database)}})
            RETURNING *
            """,
            claimUntil, workspaceId, EnrollmentStatus.Active, dueBy, options.Value.BatchSize);
        // The statement names its workspace itself: the workspace filter cannot be composed over an UPDATE.
        // Not tracked: the planner and the settler write the rows back with multi-row statements.
        return await database.NurtureEnrollments.FromSql(claim).IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Renews the claim of a batch's acting enrolments right before their HubSpot calls, so that a batch planned while
    /// the one before it was calling still holds its claim for a full period when its own calls begin. Returns the
    /// actions whose enrolment this claim still holds; the others (their claim lapsed and another claim took them)
    /// are left to that claimant, which finds their action-log rows and finishes them.
    /// </summary>
    public async Task<List<PendingAction>> RenewAsync(IReadOnlyList<PendingAction> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return [];
        }

        // Whole milliseconds: PostgreSQL keeps microseconds, and the rows are found again by this exact value.
        var now = clock.GetUtcNow().UtcDateTime;
        var claimUntil = now.AddSeconds(options.Value.ClaimSeconds).AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var held = new HashSet<Guid>();
        foreach (var claim in pending.Select(p => p.Context.Enrollment).GroupBy(e => e.NextActionDue))
        {
            var ids = claim.Select(e => e.Id).ToList();
            var claimedUntil = claim.Key;
            await database.NurtureEnrollments.Where(e => ids.Contains(e.Id) && e.Status == EnrollmentStatus.Active && e.NextActionDue == claimedUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextActionDue, claimUntil), cancellationToken);
            held.UnionWith(await database.NurtureEnrollments.Where(e => ids.Contains(e.Id) && e.NextActionDue == claimUntil).Select(e => e.Id).ToListAsync(cancellationToken));
        }

        foreach (var enrollment in pending.Select(p => p.Context.Enrollment).Where(e => held.Contains(e.Id)))
        {
            enrollment.NextActionDue = claimUntil;
        }

        return [.. pending.Where(p => held.Contains(p.Context.Enrollment.Id))];
    }
}
