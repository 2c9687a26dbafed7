using System.CommandLine;
using Abm.Data;
using Abm.Data.Migrator;

namespace Abm.Server.Cli;

internal static class MigrateCommand
{
    public static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("migrate", async () =>
    {
        await using var app = CliVerb.BuildApp(parse);
        var target = app.Services.GetRequiredService<DatabaseTarget>();
        var applied = await app.Services.GetRequiredService<SchemaMigrator>().ApplyAsync(cancellationToken);
        Console.WriteLine(applied.Count == 0
            ? $"{target.Provider}: schema already up to date."
            : $"{target.Provider}: applied {string.Join(", ", applied)}.");
        return 0;
    });
}
