using System.Net.Http.Json;
using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Cli;

/// <summary>
/// The operator verbs of the abm executable, run as a real process on the database of a running server:
/// each one's happy path, and its bad input stopping with exit code 2 and the reason on one line.
/// </summary>
public sealed class OperatorVerbTests : IAsyncLifetime
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("abm-verbs-").FullName;
    private AbmServerFactory _server = null!;

    private Dictionary<string, string> Environment => new() { ["DATABASE_URL"] = AbmProcess.DatabaseUrl(_server.Database) };

    public async Task InitializeAsync() => _server = await AbmServerFactory.StartAsync();

    [Fact]
    public void EveryVerb_HelpShowsAnExample()
    {
        var verbs = Leaves(Abm.Server.Cli.AbmCommandLine.Create()).ToList();

        verbs.Count.ShouldBeGreaterThan(10);
        verbs.Where(v => v.Description?.Contains("Example:\n  ", StringComparison.Ordinal) != true || v.Description?.Contains("abm ", StringComparison.Ordinal) != true)
            .Select(v => v.Name).ShouldBeEmpty();

        static IEnumerable<System.CommandLine.Command> Leaves(System.CommandLine.Command command) =>
            command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Leaves);
    }

    [Fact]
    public async Task KeysCreate_NameAndRole_PrintsOnlyTheKeyWhichThenOpensTheApi()
    {
        var outcome = await RunAsync("keys", "create", "--name", "CRM sync", "--role", "marketer");

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        var key = outcome.Output.Trim();
        key.ShouldStartWith("abm_");
        key.ShouldNotContain('\n');
        using var client = _server.ClientWithKey(key);
        (await client.GetAsync("/api/content")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        await using var database = _server.OpenDatabase();
        var stored = await database.ApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Name == "CRM sync");
        stored.Role.ShouldBe("marketer");
        key.ShouldStartWith(stored.Prefix);
        (await database.AuditLog.IgnoreQueryFilters().AnyAsync(a => a.Action == "api_key.created" && a.Actor == "cli")).ShouldBeTrue();
    }

    [Theory]
    [InlineData(new[] { "keys", "create", "--name", "x", "--role", "boss" }, "--role must be one of admin, marketer, sales, viewer")]
    [InlineData(new[] { "keys", "create", "--role", "admin" }, "'--name' is required")]
    [InlineData(new[] { "keys", "create", "--name", "x", "--role", "admin", "--workspace", "0195f3a4-0000-7000-8000-000000000000" }, "there is no workspace")]
    [InlineData(new[] { "recommend", "nobody@example.com" }, "no contact 'nobody@example.com'")]
    [InlineData(new[] { "recommend", "x", "--limit", "0" }, "--limit must be between 1 and 50")]
    [InlineData(new[] { "restore" }, "'--from' is required")]
    [InlineData(new[] { "score", "--workspace", "not-a-guid" }, "not-a-guid")]
    public async Task Verb_BadInput_ExitsWithTwoAndTheReasonOnOneLine(string[] args, string expected)
    {
        var outcome = await RunAsync(args);

        outcome.ExitCode.ShouldBe(2, outcome.Output + outcome.Error);
        outcome.Error.ShouldContain(expected);
        outcome.Error.Trim().ShouldNotContain('\n', customMessage: outcome.Error);
    }

    [Fact]
    public async Task ScoreThenRecommend_ContactWithEvents_ScoresItAndExplainsItsNextContent()
    {
        var workspace = await DefaultWorkspaceAsync();
        var company = await _server.SeedCompanyAsync(workspace, "financial_services");
        var contact = await _server.SeedContactAsync(workspace, "Chief Financial Officer", company.Id);
        using var client = _server.OperatorClient();
        (await client.PostAsJsonAsync("/api/content", new
        {
            title = "Bank ROI model", contentType = "roi_calculator", targetPersonas = new[] { "financial_decision_maker" },
            targetIndustries = new[] { "financial_services" }, targetJourneyStages = new[] { "problem_awareness", "solution_exploration" },
        })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/events", new
        {
            events = new[] { new { type = "pricing_inquiry", occurredAt = TimeProvider.System.GetUtcNow().AddHours(-2), contactHubSpotId = contact.HubSpotId } },
        })).EnsureSuccessStatusCode();

        var scored = await RunAsync("score");
        var recommended = await RunAsync("recommend", contact.Email!, "--limit", "3");

        scored.ExitCode.ShouldBe(0, scored.Error);
        scored.Output.ShouldContain("scored 1 contacts and 1 accounts");
        await using var database = _server.OpenDatabase();
        (await database.ContactScores.IgnoreQueryFilters().SingleAsync(s => s.ContactId == contact.Id)).Score.ShouldBeGreaterThan(0);
        recommended.ExitCode.ShouldBe(0, recommended.Error);
        recommended.Output.ShouldContain("Bank ROI model");
        recommended.Output.ShouldContain("persona financial_decision_maker");
    }

    [Fact]
    public async Task ImportContent_OneGoodAndOneBadLine_ImportsTheGoodOneAndReportsTheOtherByLine()
    {
        var file = Path.Combine(_workingDirectory, "library.csv");
        await File.WriteAllTextAsync(file, "title,content_type\nCFO guide,whitepaper\nBroken,not_a_type\n");

        var outcome = await RunAsync("import", "content", file);
        var missing = await RunAsync("import", "events", Path.Combine(_workingDirectory, "nothing.csv"));

        outcome.ExitCode.ShouldBe(1, outcome.Error);
        outcome.Output.ShouldContain("2 rows: 1 created, 0 updated, 0 duplicates, 1 rejected");
        outcome.Error.ShouldStartWith("line 3: ");
        await using var database = _server.OpenDatabase();
        (await database.ContentItems.IgnoreQueryFilters().AnyAsync(c => c.Title == "CFO guide")).ShouldBeTrue();
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("does not exist");
    }

    [Fact]
    public async Task ImportEvents_TwoGoodLinesAndOneBad_RecordsTheGoodOnesOnceAndReportsTheOtherByLine()
    {
        var contact = await _server.SeedContactAsync(await DefaultWorkspaceAsync(), "CFO");
        var file = Path.Combine(_workingDirectory, "webinar-attendance.csv");
        var at = TimeProvider.System.GetUtcNow().AddHours(-3).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(file,
            $"client_event_id,type,occurred_at,contact_hubspot_id\nweb-1,webinar_attendance,{at},{contact.HubSpotId}\nweb-2,demo_request,{at},{contact.HubSpotId}\nweb-3,not_a_type,{at},{contact.HubSpotId}\n");

        var outcome = await RunAsync("import", "events", file);
        var again = await RunAsync("import", "events", file);

        outcome.ExitCode.ShouldBe(1, outcome.Error);
        outcome.Output.ShouldContain("3 rows: 2 created");
        outcome.Output.ShouldContain("1 rejected");
        outcome.Error.ShouldStartWith("line 4: ");
        again.Output.ShouldContain("2 duplicates", customMessage: again.Output);
        await using var database = _server.OpenDatabase();
        (await database.EngagementEvents.IgnoreQueryFilters().Where(e => e.ContactId == contact.Id).Select(e => e.EventType).OrderBy(t => t).ToListAsync())
            .ShouldBe(["demo_request", "webinar_attendance"]);
    }

    [Fact]
    public async Task ImportIcp_OneGoodAndOneBadLine_StoresTheGoodCriteriaSetAndReportsTheOtherByLine()
    {
        var file = Path.Combine(_workingDirectory, "ideal-clients.csv");
        await File.WriteAllTextAsync(file, "name,industry,company_size,technology_stack\nMid-market tech,technology;financial_services,200-5000,hubspot|snowflake\nNowhere,not_an_industry,,\n");

        var outcome = await RunAsync("import", "icp", file);

        outcome.ExitCode.ShouldBe(1, outcome.Error);
        outcome.Output.ShouldContain("2 rows: 1 created, 0 updated, 0 duplicates, 1 rejected");
        outcome.Error.ShouldStartWith("line 3: ");
        outcome.Error.ShouldContain("not_an_industry");
        using var client = _server.OperatorClient();
        var profile = await client.GetStringAsync("/api/icp");
        profile.ShouldContain("Mid-market tech");
        profile.ShouldContain("snowflake");
    }

    [Fact]
    public async Task Export_ContactsToAFileAndAccountsToStandardOutput_WritesTheGridsColumnsWithEveryRow()
    {
        var workspace = await DefaultWorkspaceAsync();
        var company = await _server.SeedCompanyAsync(workspace, "healthcare");
        var contacts = new[] { await _server.SeedContactAsync(workspace, "CTO", company.Id), await _server.SeedContactAsync(workspace, "CFO", company.Id) };
        var file = Path.Combine(_workingDirectory, "contacts.csv");

        var toFile = await RunAsync("export", "contacts", "--out", file);
        var toOutput = await RunAsync("export", "accounts");
        var nowhere = await RunAsync("export", "contacts", "--out", Path.Combine(_workingDirectory, "missing", "x.csv"));

        toFile.ExitCode.ShouldBe(0, toFile.Error);
        var lines = await File.ReadAllLinesAsync(file);
        lines[0].ShouldStartWith("id,hubspot_id,first_name,last_name,email,company,company_id,score");
        lines.Length.ShouldBe(3);
        contacts.ShouldAllBe(c => lines.Any(l => l.Contains(c.Email!)));
        File.Exists(file + ".partial").ShouldBeFalse();
        toOutput.ExitCode.ShouldBe(0, toOutput.Error);
        toOutput.Output.ShouldStartWith("id,hubspot_id,name,domain,tier,industry,score");
        toOutput.Output.ShouldContain(company.HubSpotId);
        nowhere.ExitCode.ShouldBe(2);
        nowhere.Error.ShouldContain("does not exist");
    }

    [Fact]
    public async Task BackupThenRestore_RowsAddedAfterTheBackup_AreGoneAndTheBackedUpOnesBack()
    {
        (await RunAsync("keys", "create", "--name", "before", "--role", "viewer")).ExitCode.ShouldBe(0);
        var file = Path.Combine(_workingDirectory, "abm.backup");

        var backup = await RunAsync("backup", "--out", file);
        (await RunAsync("keys", "create", "--name", "after", "--role", "viewer")).ExitCode.ShouldBe(0);
        var again = await RunAsync("backup", "--out", file);
        var unconfirmed = await RunAsync("restore", "--from", file);
        var afterUnconfirmed = await KeyNamesAsync();
        var notABackup = await RunAsync("restore", "--from", typeof(OperatorVerbTests).Assembly.Location, "--yes");
        var afterBadFile = await KeyNamesAsync();
        await _server.StopServerAsync();
        var restore = await RunAsync("restore", "--from", file, "--yes");

        backup.ExitCode.ShouldBe(0, backup.Error);
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("--force");
        unconfirmed.ExitCode.ShouldBe(2);
        unconfirmed.Error.ShouldContain("--yes");
        afterUnconfirmed.ShouldContain("after");
        notABackup.ExitCode.ShouldBe(2, notABackup.Output + notABackup.Error);
        afterBadFile.ShouldContain("after");
        restore.ExitCode.ShouldBe(0, restore.Output + restore.Error);
        var names = await KeyNamesAsync();
        names.ShouldContain("before");
        names.ShouldNotContain("after");
    }

    private async Task<List<string>> KeyNamesAsync()
    {
        await using var database = new AbmDbContext(_server.Database.ContextOptions());
        return await database.ApiKeys.IgnoreQueryFilters().Select(k => k.Name).ToListAsync();
    }

    [Fact]
    public async Task LeadsScore_UnscoredThenAll_ScoresTheContactsAndPrintsTheCounts()
    {
        var workspace = await DefaultWorkspaceAsync();
        var company = await _server.SeedCompanyAsync(workspace, "technology");
        await _server.SeedContactAsync(workspace, "CTO", company.Id);
        await _server.SeedContactAsync(workspace, null);

        var first = await RunAsync("leads", "score");
        var again = await RunAsync("leads", "score");
        var all = await RunAsync("leads", "score", "--all");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldStartWith("scored 2 leads:");
        again.Output.ShouldStartWith("scored 0 leads:");
        all.Output.ShouldStartWith("scored 2 leads:");
        await using var database = _server.OpenDatabase();
        (await database.LeadScores.IgnoreQueryFilters().CountAsync(s => s.WorkspaceId == workspace && s.IsCurrent)).ShouldBe(2);
        (await database.LeadScores.IgnoreQueryFilters().CountAsync(s => s.WorkspaceId == workspace)).ShouldBe(4);
    }

    private async Task<Guid> DefaultWorkspaceAsync()
    {
        await using var database = _server.OpenDatabase();
        return await database.Workspaces.Where(w => w.IsDefault).Select(w => w.Id).SingleAsync();
    }

    private Task<AbmProcess.Outcome> RunAsync(params string[] args) => AbmProcess.RunAsync(_workingDirectory, Environment, args);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
