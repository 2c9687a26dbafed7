using Abm.Data;
using Abm.Data.Migrator;
using Abm.Server.Features.Workspaces;
using Microsoft.Extensions.Options;

namespace Abm.Server.Database;

/// <summary>
/// Runs before any other hosted service and before the server takes requests: checks the database
/// setting, applies migrations (when enabled) and makes sure the default workspace exists.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceProvider services,
    IOptions<DatabaseOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<DatabaseTarget>();
        if (options.Value.MigrateOnStart)
        {
            await services.GetRequiredService<SchemaMigrator>().ApplyAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        await services.GetRequiredService<DefaultWorkspace>().EnsureAsync(database, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
