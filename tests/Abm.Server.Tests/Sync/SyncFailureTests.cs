using System.Data.Common;
using Abm.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Abm.Server.Tests.Sync;

/// <summary>A run that meets an error nobody planned for (a database deadlock, a bug) ends failed and says why; it is never left running.</summary>
public sealed class SyncFailureTests : IAsyncLifetime
{
    private readonly FailCompanyWrites _fault = new();
    private SyncHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await SyncHarness.StartAsync(accounts: 3, services: services => services.ConfigureDbContext<AbmDbContext>(options => options.AddInterceptors(_fault)));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Sync_UnexpectedDatabaseErrorMidRun_EndsFailedWithTheCauseAndTheNextRunSucceeds()
    {
        _fault.Armed = true;

        var failed = await _harness.SyncAsync("full", timeoutSeconds: 60);
        _fault.Armed = false;
        var next = await _harness.SyncAsync("full", timeoutSeconds: 60);

        failed.GetProperty("status").GetString().ShouldBe("failed", failed.ToString());
        failed.GetProperty("error").GetString()!.ShouldContain("InvalidOperationException");
        failed.GetProperty("error").GetString()!.ShouldContain("injected company write failure");
        failed.GetProperty("finishedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        next.GetProperty("status").GetString().ShouldBe("succeeded", next.ToString());
        (await _harness.LocalAsync()).ShouldEqual(await PortalSnapshot.ReadPortalAsync(_harness.HubSpot));
    }

    /// <summary>While armed, every statement writing the companies table fails as a bug in the server would.</summary>
    private sealed class FailCompanyWrites : DbCommandInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Fails(command) ? throw Injected() : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Fails(command) ? throw Injected() : ValueTask.FromResult(result);

        // SQLite quotes the table name, PostgreSQL leaves a lower-case one bare.
        private bool Fails(DbCommand command) =>
            Armed && System.Text.RegularExpressions.Regex.IsMatch(command.CommandText, "(INSERT INTO|UPDATE) \"?companies\"?\\s", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        private static InvalidOperationException Injected() => new("injected company write failure");
    }
}
