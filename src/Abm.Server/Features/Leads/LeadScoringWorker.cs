using Abm.Data;
using Abm.Server.Background;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Scores leads when something about them changes: a new contact (from sync or a webhook), a changed contact or
/// company, new engagement. Each round, per workspace, it scores the contacts whose contact row, company row or last
/// interaction is newer than their current lead score (or that have none), once those have been still for the
/// debounce time. Two instances may pick the same contact; one of them then fails on the one-current-score index
/// and the contact is left to the other. Then the HIGH priority tasks routing recorded are created in HubSpot.
/// </summary>
internal sealed partial class LeadScoringWorker(
    IServiceScopeFactory scopes, HubSpotClients clients, IOptions<LeadScoringOptions> options, TimeProvider clock, ILogger<LeadScoringWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AutoScoreIntervalSeconds == 0)
        {
            return;
        }

        await WaitAsync(stoppingToken);
        await WorkerLoop.RunAsync(nameof(LeadScoringWorker), RoundAsync, WaitAsync, clock, logger, stoppingToken);
    }

    private Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(TimeSpan.FromSeconds(options.Value.AutoScoreIntervalSeconds), clock, cancellationToken);

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        List<Guid> workspaces;
        await using (var scope = scopes.CreateAsyncScope())
        {
            workspaces = await scope.ServiceProvider.GetRequiredService<AbmDbContext>().Workspaces.Select(w => w.Id).ToListAsync(cancellationToken);
        }

        await WorkerLoop.EachAsync(workspaces, ScoreWorkspaceAsync, LogFailed, cancellationToken);
    }

    private async Task ScoreWorkspaceAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        var summary = await scope.ServiceProvider.GetRequiredService<LeadScoring>()
            .ScoreDueAsync(clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(options.Value.DebounceSeconds), options.Value.BatchSize, cancellationToken);
        if (summary.Scored > 0)
        {
            LogScored(workspaceId, summary.Scored, summary.Routed);
        }

        if (await clients.GetAsync(workspaceId, cancellationToken) is { } client
            && await scope.ServiceProvider.GetRequiredService<LeadTaskPusher>().PushAsync(workspaceId, client, cancellationToken) is > 0 and var created)
        {
            LogTasks(workspaceId, created);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead scoring for workspace {WorkspaceId}: {Created} HIGH priority task(s) created in HubSpot")]
    private partial void LogTasks(Guid workspaceId, int created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead scoring for workspace {WorkspaceId}: {Scored} lead(s) scored, {Routed} routed")]
    private partial void LogScored(Guid workspaceId, int scored, int routed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lead scoring for workspace {WorkspaceId} failed")]
    private partial void LogFailed(Guid workspaceId, Exception error);
}
