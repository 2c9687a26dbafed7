using System.Data.Common;
using Abm.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Abm.Server.Tests.Sync;

/// <summary>
/// A full pass archives only what it did not read. Other writers stamp a record's update time too (the account
/// roll-up does, with the time it began); an early stamp saved while a pass runs must not archive an account.
/// </summary>
public sealed class FullSyncArchiveTests : IAsyncLifetime
{
    private readonly StaleStampBeforeArchiving _staleStamp = new();
    private SyncHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await SyncHarness.StartAsync(accounts: 3, services: services => services.ConfigureDbContext<AbmDbContext>(options => options.AddInterceptors(_staleStamp)));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task FullSync_AnotherWriterStampsAnEarlierUpdateTimeDuringThePass_ArchivesNothingThePassRead()
    {
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
        _staleStamp.Armed = true;

        var again = await _harness.SyncAsync("full");

        again.GetProperty("status").GetString().ShouldBe("succeeded", again.ToString());
        _staleStamp.Stamped.ShouldBeTrue("the stale stamp was never written, so this test proves nothing");
        (await _harness.LocalAsync()).ShouldEqual(await PortalSnapshot.ReadPortalAsync(_harness.HubSpot));
    }

    /// <summary>
    /// Once armed, just before the pass archives unseen companies and deals, stamps every one of them with an
    /// update time long past, as a roll-up that began before the pass and saved during it would.
    /// </summary>
    private sealed class StaleStampBeforeArchiving : DbCommandInterceptor
    {
        public volatile bool Armed;
        public volatile bool Stamped;

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await StampIfArchivingAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await StampIfArchivingAsync(command, cancellationToken);
            return result;
        }

        private async Task StampIfArchivingAsync(DbCommand command, CancellationToken cancellationToken)
        {
            var table = System.Text.RegularExpressions.Regex.Match(command.CommandText, "UPDATE \"?(companies|deals)\"? AS \"?\\w+\"?\\s+SET \"?archived_at\"?");
            if (Armed && table.Success)
            {
                await using var stamp = command.Connection!.CreateCommand();
                stamp.Transaction = command.Transaction;
                stamp.CommandText = $"UPDATE {table.Groups[1].Value} SET updated_at = '2001-01-01 00:00:00'";
                await stamp.ExecuteNonQueryAsync(cancellationToken);
                Stamped = true;
            }
        }
    }
}
