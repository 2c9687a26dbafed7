using System.Runtime.CompilerServices;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Marketing.Email;

/// <summary>
/// Claims the current workspace's due sends (scheduled, or sending with a lapsed claim) in one statement that moves
/// their due time past the claim period, as nurture claims due enrolments: another instance skips them meanwhile
/// (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL; SQLite has one writer), and a send whose instance died comes due again
/// when the claim lapses. Recipients already settled are not sent again, and each recipient's HubSpot sendId is
/// fixed, so finishing someone else's send never emails anyone twice.
/// </summary>
internal sealed class DueEmailSends(AbmDbContext database, IOptions<MarketingOptions> options, TimeProvider clock)
{
    private const int BatchSize = 10;

    public async Task<List<MarketingEmailSend>> ClaimAsync(CancellationToken cancellationToken)
    {
        var workspaceId = database.CurrentWorkspaceId ?? throw new InvalidOperationException("Sends are claimed for one workspace at a time.");
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = FormattableStringFactory.Create(
            $$"""
            UPDATE marketing_email_sends SET due_at = {0}, status = {1}, attempts = attempts + 1, started_at = COALESCE(started_at, {2})
            WHERE id IN (SELECT s.id FROM marketing_email_sends s
                         WHERE s.workspace_id = {3} AND s.status IN ({4}, {1}) AND s.due_at <= {2}
                         ORDER BY s.due_at LIMIT {5} {{RowClaims.LockClause(database)}})
            RETURNING *
            """,
            ClaimEnd(now), EmailSendStatus.Sending, now, workspaceId, EmailSendStatus.Scheduled, BatchSize);
        // The statement names its workspace itself: the workspace filter cannot be composed over an UPDATE.
        return await database.MarketingEmailSends.FromSql(claim).IgnoreQueryFilters().ToListAsync(cancellationToken);
    }

    /// <summary>Where a claim taken now ends (whole milliseconds, as PostgreSQL keeps microseconds).</summary>
    public DateTime ClaimEnd(DateTime now)
    {
        var end = now.AddSeconds(options.Value.ClaimSeconds);
        return end.AddTicks(-(end.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
