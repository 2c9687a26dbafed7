using Abm.Data;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Users;

/// <summary>abm users add: creates dashboard users with the API key roles; mistakes exit 2 with one line.</summary>
public sealed class UsersCommandTests : IAsyncLifetime, IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("abm-users-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<AbmProcess.Outcome> RunAsync(params string[] args) =>
        AbmProcess.RunAsync(_workingDirectory, new Dictionary<string, string> { ["DATABASE_URL"] = AbmProcess.DatabaseUrl(_database.Target) }, ["users", "add", .. args]);

    [Fact]
    public async Task Add_WithPassword_StoresOnlyAHashInTheDefaultWorkspace()
    {
        var outcome = await RunAsync("--email", "Ada@Example.com", "--role", "admin", "--password", "correct horse battery");

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        outcome.Output.ShouldContain("created admin Ada@Example.com");
        outcome.Output.ShouldNotContain("correct horse battery");
        await using var database = new AbmDbContext(_database.Target.ContextOptions());
        var user = await database.Users.SingleAsync();
        var defaultWorkspace = await database.Workspaces.SingleAsync(w => w.IsDefault);
        (user.Role, user.WorkspaceId, user.NormalizedEmail).ShouldBe(("admin", defaultWorkspace.Id, "ADA@EXAMPLE.COM"));
        user.PasswordHash.ShouldNotBeNullOrEmpty();
        user.PasswordHash.ShouldNotContain("correct horse battery");
        var audit = await database.AuditLog.IgnoreQueryFilters().SingleAsync(a => a.Action == "user.created");
        (audit.Actor, audit.EntityId, audit.WorkspaceId).ShouldBe(("cli", user.Id.ToString(), defaultWorkspace.Id));
        audit.Details!.ShouldContain("Ada@Example.com");
        audit.Details!.ShouldNotContain("correct horse battery");
    }

    [Fact]
    public async Task Add_NoPasswordAndNoTerminal_GeneratesOneAndPrintsItOnce()
    {
        var outcome = await RunAsync("--email", "sales@example.com", "--role", "sales", "--workspace", "Default workspace");

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        var line = outcome.Output.Split('\n').Single(l => l.StartsWith("password (shown once", StringComparison.Ordinal));
        line[(line.LastIndexOf(' ') + 1)..].Trim().Length.ShouldBe(24);
    }

    [Theory]
    [InlineData(new[] { "--email", "x@example.com", "--role", "owner", "--password", "long enough password" }, "role must be one of admin, marketer, sales, viewer")]
    [InlineData(new[] { "--email", "x@example.com", "--role", "viewer", "--password", "short" }, "at least 12 characters")]
    [InlineData(new[] { "--email", "not-an-email", "--role", "viewer", "--password", "long enough password" }, "is invalid")]
    [InlineData(new[] { "--email", "x@example.com", "--role", "viewer", "--workspace", "Nowhere", "--password", "long enough password" }, "no workspace has the id or name 'Nowhere'")]
    [InlineData(new[] { "--role", "viewer" }, "--email is required")]
    [InlineData(new[] { "--emal", "x@example.com", "--role", "viewer" }, "did you mean '--email'?")]
    public async Task Add_Mistake_ExitsTwoWithOneLineAndCreatesNobody(string[] args, string expected)
    {
        var outcome = await RunAsync(args);

        outcome.ExitCode.ShouldBe(2, outcome.Output + outcome.Error);
        outcome.Error.ShouldContain(expected);
        outcome.Error.Trim().ShouldNotContain('\n');
        outcome.Error.ShouldNotContain("short");
        outcome.Error.ShouldNotContain("long enough password");
    }

    [Fact]
    public async Task Add_SameEmailTwice_SecondIsRefused()
    {
        (await RunAsync("--email", "twice@example.com", "--role", "viewer", "--password", "long enough password")).ExitCode.ShouldBe(0);

        var second = await RunAsync("--email", "TWICE@example.com", "--role", "admin", "--password", "long enough password");

        second.ExitCode.ShouldBe(2);
        second.Error.ShouldContain("is already taken");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
