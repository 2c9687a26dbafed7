using Abm.Data.Migrator;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Abm.Server.Features.Health;

/// <summary>Ready means the database answers and its schema is exactly what this build expects.</summary>
internal sealed class DatabaseReadyCheck(SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrator.GetPendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable; schema up to date.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: {string.Join(", ", pending)}. Run 'abm migrate'.");
        }
        catch (MigrationException error)
        {
            return HealthCheckResult.Unhealthy(error.Message);
        }
#pragma warning disable CA1031 // Any failure to reach the database means "not ready"; the probe must answer, not throw.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"Database unreachable: {error.GetType().Name}.");
        }
    }
}
