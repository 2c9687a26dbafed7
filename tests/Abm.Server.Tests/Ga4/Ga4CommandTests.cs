using Microsoft.EntityFrameworkCore;
using static Abm.Server.Tests.Ga4.Ga4Export;

namespace Abm.Server.Tests.Ga4;

/// <summary><c>abm import ga4 PATH</c> as a real process on the database of a running server.</summary>
public sealed class Ga4CommandTests : IAsyncLifetime
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("abm-ga4-").FullName;
    private AbmServerFactory _server = null!;

    public async Task InitializeAsync() => _server = await AbmServerFactory.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_workingDirectory, recursive: true);
    }

    [Fact]
    public async Task ImportGa4_FolderOfFilesTwice_PrintsProgressAndCountsAndStoresEachEventOnce()
    {
        await using var database = _server.OpenDatabase();
        var workspace = await database.Workspaces.Where(w => w.IsDefault).Select(w => w.Id).SingleAsync();
        var contact = await _server.SeedContactAsync(workspace);
        var folder = Directory.CreateDirectory(Path.Combine(_workingDirectory, "export")).FullName;
        await System.IO.File.WriteAllTextAsync(Path.Combine(folder, "events_20261102.json"), File(Row("page_view", 0, userId: contact.HubSpotId), Row("session_start", 0, userId: contact.HubSpotId)));
        await System.IO.File.WriteAllTextAsync(Path.Combine(folder, "events_20261103.json"), File(Row("scroll", 1, userId: contact.HubSpotId, percentScrolled: 90), "{broken"));
        await System.IO.File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not an export");
        var environment = new Dictionary<string, string> { ["DATABASE_URL"] = AbmProcess.DatabaseUrl(_server.Database) };

        var first = await AbmProcess.RunAsync(_workingDirectory, environment, "import", "ga4", folder);
        var again = await AbmProcess.RunAsync(_workingDirectory, environment, "import", "ga4", folder);
        var missing = await AbmProcess.RunAsync(_workingDirectory, environment, "import", "ga4", Path.Combine(_workingDirectory, "nowhere"));

        first.ExitCode.ShouldBe(1, first.Error);
        first.Output.ShouldContain("2 files, 4 rows: 2 imported (2 without a content item), 0 duplicates, 1 skipped, 0 unmatched, 1 rejected");
        first.Error.ShouldContain("events_20261102.json: 2 rows read, 1 imported");
        first.Error.ShouldContain("events_20261103.json line 2: ");
        again.Output.ShouldContain("0 imported (0 without a content item), 2 duplicates", customMessage: again.Output);
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("neither a file nor a folder");
        (await database.EngagementEvents.IgnoreQueryFilters().CountAsync(e => e.ContactId == contact.Id && e.Source == "ga4")).ShouldBe(2);
    }
}
