using System.Text.Json;
using Abm.Data;
using Abm.Engines.Engagement;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

/// <summary>Reads and writes a workspace's engagement settings; a workspace that never set any gets the defaults.</summary>
internal sealed class EngagementSettingsStore(AbmDbContext database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<EngagementSettings> LoadAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var stored = await database.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.EngagementSettings).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? EngagementSettings.Default : JsonSerializer.Deserialize<EngagementSettingsDocument>(stored, Json)!.ToEngineSettings();
    }

    public async Task SaveAsync(Guid workspaceId, EngagementSettingsDocument document, DateTime now, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(document, Json);
        await database.Workspaces.Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.EngagementSettings, json).SetProperty(w => w.UpdatedAt, now), cancellationToken);
    }
}
