using System.CommandLine;
using Abm.Data;
using Abm.Data.Migrator;

namespace Abm.Server.Cli;

internal static class MigrateCommand
{
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = AbmApp.Build([.. parse.UnmatchedTokens]);
            var target = app.Services.GetRequiredService<DatabaseTarget>();
            var applied = await app.Services.GetRequiredService<SchemaMigrator>().ApplyAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? $"{target.Provider}: schema already up to date."
                : $"{target.Provider}: applied {string.Join(", ", applied)}.");
            return 0;
        }
        catch (Exception error) when (StartupFailure.Describe(error) is { } message)
        {
            await Console.Error.WriteLineAsync($"abm migrate: {message}");
            return StartupFailure.ExitCode;
        }
    }
}
