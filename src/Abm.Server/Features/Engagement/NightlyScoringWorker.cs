using Abm.Data;
using Abm.Server.Background;
using Abm.Server.Features.Access;
using Abm.Server.Features.Content;
using Abm.Server.Features.Recommendations.Fitting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// Once a day recomputes every workspace in full, so decay is applied to contacts with no new events, and fits the
/// recommender's weights when the last fit is old enough (Recommendations__FitEveryDays).
/// </summary>
internal sealed partial class NightlyScoringWorker(
    IServiceScopeFactory scopes, IOptions<ScoringOptions> options, TimeProvider clock, ILogger<NightlyScoringWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.NightlyPassEnabled)
        {
            return;
        }

        // A failed pass is tried again after a back-off rather than skipped until the next night.
        await WaitForNextRunAsync(stoppingToken);
        await WorkerLoop.RunAsync(nameof(NightlyScoringWorker), RunOnceAsync, WaitForNextRunAsync, clock, logger, stoppingToken);
    }

    private Task WaitForNextRunAsync(CancellationToken cancellationToken) =>
        Task.Delay(UntilNextRun(clock.GetUtcNow(), options.Value.NightlyHourUtc), clock, cancellationToken);

    internal static TimeSpan UntilNextRun(DateTimeOffset now, int hourUtc)
    {
        var next = new DateTimeOffset(now.UtcDateTime.Date.AddHours(hourUtc), TimeSpan.Zero);
        return (next > now ? next : next.AddDays(1)) - now;
    }

    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> workspaces;
        await using (var scope = scopes.CreateAsyncScope())
        {
            workspaces = await scope.ServiceProvider.GetRequiredService<AbmDbContext>().Workspaces.Select(w => w.Id).ToListAsync(cancellationToken);
        }

        await WorkerLoop.EachAsync(workspaces, RecomputeAsync, LogFailed, cancellationToken);
    }

    private async Task RecomputeAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        var summary = await scope.ServiceProvider.GetRequiredService<EngagementRecompute>().RecomputeWorkspaceAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ContentPerformanceUpdater>().UpdateAllAsync(cancellationToken);
        LogDone(workspaceId, summary.Contacts, summary.Accounts);
        // After the scores, so the fit reads the stages just recomputed.
        if (await scope.ServiceProvider.GetRequiredService<WeightFitting>().RunScheduledAsync(workspaceId, cancellationToken))
        {
            LogFitted(workspaceId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly pass for workspace {WorkspaceId}: {Contacts} contact(s), {Accounts} account(s)")]
    private partial void LogDone(Guid workspaceId, int contacts, int accounts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly pass for workspace {WorkspaceId}: the recommender's weights were fitted (GET /api/recommendations/weight-fits)")]
    private partial void LogFitted(Guid workspaceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Nightly pass for workspace {WorkspaceId} failed")]
    private partial void LogFailed(Guid workspaceId, Exception error);
}
