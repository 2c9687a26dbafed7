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
        var root = new RootCommand("ABM Engine: account-based marketing for HubSpot. Without a verb, runs 'serve'.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction(ServeCommand.RunAsync);

        var serve = new Command("serve", "Run the API, webhook receiver, workers and dashboard.") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction(ServeCommand.RunAsync);
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Apply pending database migrations, then exit.") { TreatUnmatchedTokensAsErrors = false };
        migrate.SetAction(MigrateCommand.RunAsync);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(PropertiesCommand.Create());
        root.Subcommands.Add(SyncCommand.Create());
        root.Subcommands.Add(NurtureCommand.Create());

        // Errors are reported by the verbs themselves; the default handler would also swallow the
        // host-abort signal integration tests rely on.
        var parse = root.Parse(args);
        if (parse.Errors.Count == 0 && UnmatchedTokens.Problem(parse) is { } problem)
        {
            await Console.Error.WriteLineAsync($"abm: {problem}");
            return StartupFailure.ExitCode;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
