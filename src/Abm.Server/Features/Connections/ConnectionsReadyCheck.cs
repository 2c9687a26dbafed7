using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Abm.Server.Features.Connections;

/// <summary>
/// Readiness names every workspace whose HubSpot connection broke (a revoked grant), as Degraded: the
/// server still serves, but somebody must reconnect those portals.
/// </summary>
internal sealed class ConnectionsReadyCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var revoked = await scope.ServiceProvider.GetRequiredService<ConnectionStore>().BrokenAsync(cancellationToken);
        return revoked.Count == 0
            ? HealthCheckResult.Healthy("Every stored HubSpot connection is usable.")
            : HealthCheckResult.Degraded($"{revoked.Count} HubSpot connection(s) need reconnecting: " +
                string.Join("; ", revoked.Select(c => $"workspace {c.WorkspaceId} (portal {c.PortalId}): {c.StatusReason}")));
    }
}
