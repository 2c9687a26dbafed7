using System.ComponentModel.DataAnnotations;
using Abm.Data;
using Abm.Server.Background;
using Abm.Server.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Experiments;

internal sealed class ExperimentOptions
{
    public const string Section = "Experiments";

    /// <summary>Minutes between looks at the running experiments (each look may stop one); 0 never looks on its own.</summary>
    [Range(0, 1440, ErrorMessage = "Experiments:EvaluateMinutes must be between 0 and 1440.")]
    public int EvaluateMinutes { get; set; } = 60;
}

/// <summary>Looks at every workspace's running experiments every <see cref="ExperimentOptions.EvaluateMinutes"/>, stopping those the rule stops.</summary>
internal sealed partial class ExperimentWorker(IServiceScopeFactory scopes, IOptions<ExperimentOptions> options, TimeProvider clock, ILogger<ExperimentWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.EvaluateMinutes == 0)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(options.Value.EvaluateMinutes);
        await WorkerLoop.RunAsync(nameof(ExperimentWorker), RoundAsync, ct => Task.Delay(interval, clock, ct), clock, logger, stoppingToken);
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        List<Guid> workspaces;
        await using (var scope = scopes.CreateAsyncScope())
        {
            workspaces = await scope.ServiceProvider.GetRequiredService<AbmDbContext>().Experiments.IgnoreQueryFilters()
                .Where(e => e.Status == ExperimentStatuses.Running).Select(e => e.WorkspaceId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var workspaceId in workspaces)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
            var stopped = await scope.ServiceProvider.GetRequiredService<ExperimentEvaluator>().EvaluateRunningAsync(cancellationToken);
            if (stopped > 0)
            {
                LogStopped(workspaceId, stopped);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped {Count} experiments of workspace {WorkspaceId}: their stopping rule was met")]
    private partial void LogStopped(Guid workspaceId, int count);
}
