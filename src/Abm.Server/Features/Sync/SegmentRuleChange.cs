using System.Security.Claims;
using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Replaces the workspace's own segment rules, audits the change and re-tags every contact: what
/// <c>PUT /api/segments/rules</c> and the settings page both do. The rules were checked by the caller.
/// </summary>
internal sealed class SegmentRuleChange(SegmentRuleStore store, SegmentRefresher refresher, AuditTrail audit, AbmDbContext database)
{
    public async Task<SegmentRulesDocument> ReplaceAsync(IReadOnlyList<SegmentRuleInput> inputs, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var rules = inputs.Select(r => r.ToRule()).ToList();
        await store.SaveAsync(rules, cancellationToken);
        audit.Record(user.WorkspaceId(), user, "segments.rules_changed", "workspace", user.WorkspaceId().ToString(), new { rules = rules.Count });
        await database.SaveChangesAsync(cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        return new SegmentRulesDocument([.. rules.Select(SegmentRuleInput.From)]);
    }
}
