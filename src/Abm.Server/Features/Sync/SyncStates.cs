using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>The current workspace's sync state rows, one per object type, created on first use.</summary>
internal sealed class SyncStates(AbmDbContext database, CurrentWorkspace workspace, TimeProvider clock)
{
    public async Task<Dictionary<string, SyncState>> LoadAsync(IEnumerable<string> objectTypes, CancellationToken cancellationToken)
    {
        var wanted = objectTypes.ToList();
        var states = await database.SyncStates.Where(s => wanted.Contains(s.ObjectType)).ToDictionaryAsync(s => s.ObjectType, StringComparer.Ordinal, cancellationToken);
        foreach (var objectType in wanted.Where(t => !states.ContainsKey(t)))
        {
            states[objectType] = database.SyncStates.Add(new SyncState
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspace.WorkspaceId ?? throw new InvalidOperationException("Sync needs a workspace."),
                ObjectType = objectType,
                UpdatedAt = clock.GetUtcNow().UtcDateTime,
            }).Entity;
        }

        await database.SaveChangesAsync(cancellationToken);
        return states;
    }
}
