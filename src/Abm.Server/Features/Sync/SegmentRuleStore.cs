using System.Text.Json;
using System.Text.Json.Serialization;
using Abm.Data;
using Abm.Engines.Segments;
using Abm.Server.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>The current workspace's own segment rules, kept as JSON on the workspace row.</summary>
internal sealed class SegmentRuleStore(AbmDbContext database, CurrentWorkspace workspace, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public async Task<IReadOnlyList<SegmentRule>> GetAsync(CancellationToken cancellationToken)
    {
        var json = await database.Workspaces.Where(w => w.Id == workspace.WorkspaceId).Select(w => w.SegmentRules).SingleOrDefaultAsync(cancellationToken);
        return json is null ? [] : JsonSerializer.Deserialize<List<SegmentRule>>(json, Json) ?? [];
    }

    public async Task SaveAsync(IReadOnlyList<SegmentRule> rules, CancellationToken cancellationToken)
    {
        var row = await database.Workspaces.SingleAsync(w => w.Id == workspace.WorkspaceId, cancellationToken);
        row.SegmentRules = rules.Count == 0 ? null : JsonSerializer.Serialize(rules, Json);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken);
    }
}
