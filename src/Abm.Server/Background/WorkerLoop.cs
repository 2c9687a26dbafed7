using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Background;

/// <summary>
/// The loop every background worker runs: a round, then a wait, until the host stops. A round that fails for
/// any reason but the host's stop request (a database blip, a token the key ring cannot decrypt, a bug) is
/// logged and followed by a back-off that doubles from one second up to a minute, then the round is tried
/// again; a round that succeeds resets the back-off. Each round is a trace span named after the worker. So nothing but shutdown ends a worker, and the default
/// host behaviour (stop the whole server when a worker ends with an exception) never triggers.
/// </summary>
internal static partial class WorkerLoop
{
    public static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(1);

    public static async Task RunAsync(
        string worker, Func<CancellationToken, Task> roundAsync, Func<CancellationToken, Task> waitAsync, TimeProvider clock, ILogger logger, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using (var span = Features.Observability.AbmMetrics.Tracing.StartActivity(worker))
                {
                    try
                    {
                        await roundAsync(stoppingToken);
                    }
                    catch (Exception error) when (span is not null)
                    {
                        span.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.Message);
                        throw;
                    }
                }

                failures = 0;
                await waitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // An HTTP or database timeout is a cancellation too: only our own stop request ends the loop.
                failures++;
                var backOff = BackOff(failures);
                LogRoundFailed(logger, worker, failures, backOff, error);
                try
                {
                    await Task.Delay(backOff, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> for each item; one item's failure is logged through <paramref name="onFailure"/> and the others still run.</summary>
    public static async Task EachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> action, Action<T, Exception> onFailure, CancellationToken stoppingToken)
    {
        foreach (var item in items)
        {
            try
            {
                await action(item, stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                onFailure(item, error);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once per workspace, each in its own service scope set to that workspace; one
    /// workspace's failure is logged through <paramref name="onFailure"/> and the others still run.
    /// </summary>
    public static async Task EachWorkspaceAsync(
        IServiceScopeFactory scopes, Func<Guid, IServiceProvider, CancellationToken, Task> action, Action<Guid, Exception> onFailure, CancellationToken stoppingToken)
    {
        List<Guid> workspaces;
        await using (var scope = scopes.CreateAsyncScope())
        {
            workspaces = await scope.ServiceProvider.GetRequiredService<Abm.Data.AbmDbContext>().Workspaces.Select(w => w.Id)
                .ToListAsync(stoppingToken);
        }

        await EachAsync(workspaces, async (workspaceId, cancellationToken) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Features.Access.CurrentWorkspace>().Use(workspaceId);
            await action(workspaceId, scope.ServiceProvider, cancellationToken);
        }, onFailure, stoppingToken);
    }

    internal static TimeSpan BackOff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackOff.Ticks, FirstBackOff.Ticks << Math.Min(failures - 1, 16)));

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker}: a round failed ({Failures} in a row); the worker goes on after {BackOff}")]
    private static partial void LogRoundFailed(ILogger logger, string worker, int failures, TimeSpan backOff, Exception error);
}
