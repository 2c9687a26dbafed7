using Abm.Server.Features.Access;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Renews the portal's lease while a run goes on (three times per <see cref="SyncOptions.LeaseSeconds"/>), so a
/// run longer than a lease period keeps its portal and a lapsed lease always means its holder stopped: that is
/// how <see cref="AbandonedRuns"/> tells a run that will never end from a long one. Renewals use their own
/// scope, since the run's database context is busy with its pages.
/// </summary>
internal sealed partial class RunLease(IServiceScopeFactory scopes, IOptions<SyncOptions> options, TimeProvider clock, ILogger<RunLease> logger)
{
    /// <summary>Renews until <paramref name="cancellationToken"/> is cancelled (the run ended); never throws.</summary>
    public async Task KeepAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.LeaseSeconds / 3.0);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, clock, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
                await scope.ServiceProvider.GetRequiredService<PortalLeases>().TryAcquireAsync(workspaceId, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // A missed renewal is tried again next period; the lease outlives two of them.
                LogRenewalFailed(workspaceId, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the portal lease of workspace {WorkspaceId} during a sync failed; tried again shortly")]
    private partial void LogRenewalFailed(Guid workspaceId, Exception error);
}
