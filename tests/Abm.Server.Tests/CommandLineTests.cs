using Abm.Testing;

namespace Abm.Server.Tests;

/// <summary>The abm executable: bad settings stop it with a message naming the setting; migrate applies the schema.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("abm-cli-").FullName;

    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "DATABASE_URL", "mysql://user:pw@localhost/abm", "DATABASE_URL" },
        { "DATABASE_URL", "postgres://user:pw@localhost", "DATABASE_URL" },
        { "DATABASE_URL", "not a url", "DATABASE_URL" },
        { "DATABASE_URL", "garbage", "sqlite:///" },
        { "DATABASE_URL", "postgres://abm@127.0.0.1:1/abm", "DATABASE_URL" },
        { "DATABASE_URL", "postgres://user:pw@localhost/abm?nonsense_option=1", "DATABASE_URL" },
        { "Database__Provider", "oracle", "Database:Provider" },
        { "API_SECRET_KEY", "too-short", "API_SECRET_KEY" },
        { "API_RATE_LIMIT_PER_MINUTE", "lots", "API_RATE_LIMIT_PER_MINUTE" },
        { "HUBSPOT_TIER", "platinum", "HUBSPOT_TIER" },
        { "Leads__EmbeddingModel", "bert", "Leads:EmbeddingModel" },
        { "Leads__EmbeddingModel", "openai", "OPENAI_API_KEY is not set" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Serve_InvalidSetting_ExitsWithMessageNamingTheSetting(string name, string value, string named)
    {
        var outcome = await AbmProcess.RunAsync(_workingDirectory, new Dictionary<string, string> { [name] = value }, "serve");

        outcome.ExitCode.ShouldBe(2, outcome.Output + outcome.Error);
        outcome.Error.ShouldContain(named);
        outcome.Error.Trim().ShouldNotContain('\n', customMessage: "one line, not a stack trace: " + outcome.Error);
        outcome.Error.ShouldNotContain("DataAnnotation");
    }

    [Theory]
    [InlineData(new[] { "bogusverb" }, "unknown verb or argument 'bogusverb'")]
    [InlineData(new[] { "synk" }, "did you mean 'sync'?")]
    [InlineData(new[] { "sync", "--ful" }, "did you mean '--full'?")]
    [InlineData(new[] { "sync", "--max-contact", "5" }, "did you mean '--max-contacts'?")]
    [InlineData(new[] { "sync", "extra" }, "unknown verb or argument 'extra'")]
    [InlineData(new[] { "demo", "--rest" }, "did you mean '--reset'?")]
    [InlineData(new[] { "dmeo" }, "did you mean 'demo'?")]
    [InlineData(new[] { "nurtur", "run" }, "did you mean 'nurture'?")]
    [InlineData(new[] { "nurture", "run", "--onse" }, "did you mean '--once'?")]
    [InlineData(new[] { "nurture", "enroll", "--sequense", "0196d7a4-0000-7000-8000-000000000001" }, "did you mean '--sequence'?")]
    public async Task Abm_UnknownVerbOrMisspeltOption_ExitsWithASuggestionAndDoesNothing(string[] args, string expected)
    {
        var outcome = await AbmProcess.RunAsync(_workingDirectory, new Dictionary<string, string>(), args);

        outcome.ExitCode.ShouldBe(2, outcome.Output + outcome.Error);
        outcome.Error.ShouldContain(expected);
        outcome.Error.Trim().ShouldNotContain('\n');
        Directory.Exists(Path.Combine(_workingDirectory, "data")).ShouldBeFalse();
    }

    [Fact]
    public async Task Migrate_HostSettingsOnTheCommandLine_StillPassThrough()
    {
        var outcome = await AbmProcess.RunAsync(_workingDirectory, new Dictionary<string, string>(), "migrate", "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning");

        outcome.ExitCode.ShouldBe(0, outcome.Error);
    }

    [Fact]
    public async Task Serve_SqliteFileInAFolderThatDoesNotExist_ExitsWithoutCreatingIt()
    {
        var missing = Path.Combine(_workingDirectory, "no-such-folder", "nested");

        var outcome = await AbmProcess.RunAsync(_workingDirectory, new Dictionary<string, string> { ["DATABASE_URL"] = $"sqlite://{missing}/abm.db" }, "serve");

        outcome.ExitCode.ShouldBe(2, outcome.Output + outcome.Error);
        outcome.Error.ShouldContain("DATABASE_URL");
        outcome.Error.ShouldContain("does not exist");
        Directory.Exists(Path.Combine(_workingDirectory, "no-such-folder")).ShouldBeFalse();
    }

    [Fact]
    public async Task Migrate_TwiceOnSameDatabase_AppliesThenReportsUpToDate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string> { ["DATABASE_URL"] = AbmProcess.DatabaseUrl(database.Target) };

        var first = await AbmProcess.RunAsync(_workingDirectory, environment, "migrate");
        var second = await AbmProcess.RunAsync(_workingDirectory, environment, "migrate");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("applied 0001_initial_schema.sql, 0002_engagement.sql");
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.ShouldContain("already up to date");
    }

    [Fact]
    public async Task Migrate_NoDatabaseSetting_CreatesTheDefaultSqliteFile()
    {
        var outcome = await AbmProcess.RunAsync(_workingDirectory, new Dictionary<string, string>(), "migrate");

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        File.Exists(Path.Combine(_workingDirectory, "data", "abm.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task PropertiesProvision_NoHubSpotToken_ExitsNamingTheSetting()
    {
        var outcome = await AbmProcess.RunAsync(_workingDirectory, new Dictionary<string, string>(), "properties", "provision");

        outcome.ExitCode.ShouldBe(2, outcome.Output + outcome.Error);
        outcome.Error.ShouldContain("HUBSPOT_API_KEY");
    }

    [Theory]
    [InlineData(new[] { "nurture", "run", "--once" }, "HUBSPOT_API_KEY")]
    [InlineData(new[] { "nurture", "run" }, "only '--once'")]
    [InlineData(new[] { "nurture", "enroll", "--segment", "engaged" }, "give --sequence and exactly one of --contact or --segment")]
    public async Task Nurture_MissingConnectionOrArguments_ExitsSayingWhat(string[] args, string expected)
    {
        var outcome = await AbmProcess.RunAsync(_workingDirectory, new Dictionary<string, string>(), args);

        outcome.ExitCode.ShouldBe(2, outcome.Output + outcome.Error);
        outcome.Error.ShouldContain(expected);
    }

    [Theory]
    [InlineData(new[] { "sync" }, "", "has no HubSpot connection; set HUBSPOT_API_KEY")]
    [InlineData(new[] { "migrate" }, "postgres://abm@127.0.0.1:1/abm", "the PostgreSQL database of DATABASE_URL")]
    public async Task Verb_NoConnectionOrUnreachableDatabase_ExitsTwoWithOneLineSayingWhat(string[] args, string databaseUrl, string expected)
    {
        var environment = databaseUrl.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["DATABASE_URL"] = databaseUrl };

        var outcome = await AbmProcess.RunAsync(_workingDirectory, environment, args);

        outcome.ExitCode.ShouldBe(2, outcome.Output + outcome.Error);
        outcome.Error.ShouldContain(expected);
        outcome.Error.Trim().ShouldNotContain('\n', customMessage: outcome.Error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
