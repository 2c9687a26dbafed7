using Abm.Server.Background;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Privacy;

/// <summary>Runs <see cref="DataRetention"/> daily (Retention:IntervalHours), first a few minutes after start, and logs what it deleted.</summary>
internal sealed partial class RetentionWorker(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalHours == 0)
        {
            return;
        }

        await Task.Delay(TimeSpan.FromMinutes(options.Value.FirstPassDelayMinutes), clock, stoppingToken);
        await WorkerLoop.RunAsync(nameof(RetentionWorker), PassAsync, ct => Task.Delay(TimeSpan.FromHours(options.Value.IntervalHours), clock, ct), clock, logger, stoppingToken);
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<DataRetention>().RunAsync(cancellationToken);
        foreach (var (workspaceId, events) in report.Events.Where(e => e.Value > 0))
        {
            LogEvents(workspaceId, events);
        }

        var total = report.Events.Values.Sum();
        LogPass(total, report.WebhookBatches);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Events} engagement events of workspace {WorkspaceId} past its retention window")]
    private partial void LogEvents(Guid workspaceId, int events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention pass: {Events} engagement events and {WebhookBatches} settled webhook batches deleted")]
    private partial void LogPass(int events, int webhookBatches);
}
