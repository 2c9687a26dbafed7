using Abm.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// The HubSpot transactional email a workspace's nurture sends go through: its own setting, else the server's
/// <c>Nurture:TransactionalEmailId</c>; 0 when neither is set (sends are then parked saying so).
/// </summary>
internal sealed class TransactionalEmailSetting(AbmDbContext database, IOptions<NurtureOptions> options)
{
    public async Task<long> EmailIdAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await WorkspaceEmailIdAsync(workspaceId, cancellationToken) ?? options.Value.TransactionalEmailId;

    public Task<long?> WorkspaceEmailIdAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        database.Workspaces.IgnoreQueryFilters().Where(w => w.Id == workspaceId).Select(w => w.NurtureTransactionalEmailId).SingleOrDefaultAsync(cancellationToken);

    public long ServerEmailId => options.Value.TransactionalEmailId;

    public Task SaveAsync(Guid workspaceId, long? emailId, DateTime now, CancellationToken cancellationToken) =>
        database.Workspaces.IgnoreQueryFilters().Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.NurtureTransactionalEmailId, emailId).SetProperty(w => w.UpdatedAt, now), cancellationToken);
}
