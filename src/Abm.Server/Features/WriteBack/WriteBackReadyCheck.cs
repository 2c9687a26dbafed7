using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Abm.Server.Features.WriteBack;

/// <summary>
/// Readiness is Degraded while outbox rows wait after HubSpot refused them (a missing abm_* property, a
/// revoked scope...): the server still serves, but scores are not reaching HubSpot until somebody acts.
/// </summary>
internal sealed class WriteBackReadyCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var failures = await scope.ServiceProvider.GetRequiredService<WriteBackStatusReader>().FailuresOfAllWorkspacesAsync(cancellationToken);
        return failures.Count == 0
            ? HealthCheckResult.Healthy("No write-back row is failing.")
            : HealthCheckResult.Degraded($"{failures.Sum(f => f.Count)} write-back row(s) failing; most often: {failures[0].Reason} (see GET /api/writeback/status).");
    }
}
