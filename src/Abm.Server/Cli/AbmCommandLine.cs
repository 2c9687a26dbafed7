using System.CommandLine;

namespace Abm.Server.Cli;

/// <summary>
/// The <c>abm</c> executable's verbs. Tokens a verb does not know (such as <c>--urls</c>) pass through to
/// ASP.NET Core's own configuration, so every standard host switch keeps working.
/// </summary>
internal static class AbmCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Errors are reported by the verbs themselves; the default handler would also swallow the
        // host-abort signal integration tests rely on.
        var parse = Create().Parse(args);
        if ((parse.Errors.Count > 0 ? ParseProblem(parse) : UnmatchedTokens.Problem(parse)) is { } problem)
        {
            await Console.Error.WriteLineAsync($"abm: {problem}");
            return StartupFailure.ExitCode;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>Every verb, with its options and help.</summary>
    internal static RootCommand Create()
    {
        var root = new RootCommand("ABM Engine: account-based marketing for HubSpot. Without a verb, runs 'serve' (the demo when no HubSpot connection is configured).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction(ServeCommand.RunAsync);

        var serve = new Command("serve", CliVerb.WithExample("Run the API, webhook receiver, workers and dashboard.", "abm serve --urls http://0.0.0.0:8080")) { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction(ServeCommand.RunAsync);
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", CliVerb.WithExample("Apply pending database migrations, then exit.", "DATABASE_URL=postgres://abm:secret@db:5432/abm abm migrate")) { TreatUnmatchedTokensAsErrors = false };
        migrate.SetAction(MigrateCommand.RunAsync);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(PropertiesCommand.Create());
        root.Subcommands.Add(SyncCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(NurtureCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(RecommendCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(LeadsCommand.Create());
        foreach (var command in BackupCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>A missing required option or a value of the wrong type, in one line, like every other bad input.</summary>
    private static string ParseProblem(ParseResult parse)
    {
        return $"{string.Join(" ", parse.Errors.Select(e => e.Message))} Run 'abm {UnmatchedTokens.Path(parse.CommandResult.Command)}--help' for usage.";
    }
}
