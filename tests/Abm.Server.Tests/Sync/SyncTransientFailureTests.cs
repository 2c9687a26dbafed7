using System.Data.Common;
using Abm.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Sync;

/// <summary>
/// A page whose transaction the database ends as transient (on PostgreSQL, a deadlock with the score recompute
/// writing the same contacts) is written again, and the run goes on as if nothing happened.
/// </summary>
public sealed class SyncTransientFailureTests : IAsyncLifetime
{
    private readonly FailCheckpointsOnce _fault = new();
    private SyncHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await SyncHarness.StartAsync(accounts: 3, services: services => services.ConfigureDbContext<AbmDbContext>(options => options.AddInterceptors(_fault)));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Sync_EveryPageCheckpointFailsOnceAsADeadlock_SucceedsWithTheExactPortal()
    {
        _fault.Armed = true;

        var run = await _harness.SyncAsync("full", timeoutSeconds: 90);

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        _fault.Failures.ShouldBeGreaterThan(2, "every object type's first page should have been refused once");
        (await _harness.LocalAsync()).ShouldEqual(await PortalSnapshot.ReadPortalAsync(_harness.HubSpot));
    }

    /// <summary>
    /// While armed, every page's checkpoint (the statement saving how far its type got, with the page) fails the first
    /// time as a deadlock would; the pass's start, which also stamps when it began, is left alone.
    /// </summary>
    private sealed class FailCheckpointsOnce : DbCommandInterceptor
    {
        private int _seen;
        public volatile bool Armed;

        public int Failures { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            FailIfCheckpoint(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            FailIfCheckpoint(command);
            return ValueTask.FromResult(result);
        }

        private void FailIfCheckpoint(DbCommand command)
        {
            var checkpoint = command.CommandText.Contains("UPDATE", StringComparison.Ordinal) && command.CommandText.Contains("full_sync_completed", StringComparison.Ordinal)
                && !command.CommandText.Contains("full_sync_started_at", StringComparison.Ordinal);
            if (Armed && checkpoint && Interlocked.Increment(ref _seen) % 2 == 1)
            {
                Failures++;
                throw new InjectedDeadlock();
            }
        }

        private sealed class InjectedDeadlock() : DbException("injected deadlock: the transaction was rolled back")
        {
            public override bool IsTransient => true;
        }
    }
}
