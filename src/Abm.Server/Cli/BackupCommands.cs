using System.CommandLine;
using System.Globalization;
using Abm.Data;
using Abm.Data.Migrator;
using Abm.Server.Database.Backups;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm backup [--out FILE]</c> and <c>abm restore --from FILE --yes</c>: a consistent copy of the whole database
/// (SQLite's online backup, or pg_dump) taken while the server runs, and its restore (stop the servers first),
/// after which pending migrations are applied so an older backup comes back on the current schema.
/// </summary>
internal static class BackupCommands
{
    private static readonly Option<string?> Out = new("--out") { Description = "The file to write; ./data/backups/abm-<provider>-<UTC time>.<db|dump> when left out." };
    private static readonly Option<bool> Force = new("--force") { Description = "Overwrite the --out file if it exists." };
    private static readonly Option<string> From = new("--from") { Description = "The backup file to restore.", Required = true };
    private static readonly Option<bool> Yes = new("--yes") { Description = "Confirm that every row of the configured database is replaced by the backup's." };

    public static IEnumerable<Command> Create() =>
    [
        CliVerb.Define("backup", "Write a consistent copy of the whole database to a file (safe while the server runs).", "abm backup --out backups/abm-nightly.db", BackupAsync, Out, Force),
        CliVerb.Define("restore", "Replace the database with a backup (stop every server first), then migrate it to this version.", "abm restore --from backups/abm-nightly.db --yes", RestoreAsync, From, Yes),
    ];

    private static Task<int> BackupAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("backup", async () =>
    {
        await using var app = CliVerb.BuildApp(parse);
        var target = app.Services.GetRequiredService<DatabaseTarget>();
        var file = Path.GetFullPath(parse.GetValue(Out) ?? DefaultFile(target, app.Services.GetRequiredService<TimeProvider>()));
        if (File.Exists(file) && !parse.GetValue(Force))
        {
            throw new CliInputException($"{file} exists; choose another --out or add --force to overwrite it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Delete(file);
        try
        {
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                SqliteBackup.Backup(target.ConnectionString, file);
            }
            else
            {
                await PostgresBackup.BackupAsync(target.ConnectionString, file, cancellationToken);
            }
        }
        catch (BackupException error)
        {
            File.Delete(file);
            throw new CliInputException(error.Message);
        }

        Console.WriteLine($"{target.Provider}: backed up to {file} ({new FileInfo(file).Length / 1024.0:N0} KiB)");
        return 0;
    });

    private static Task<int> RestoreAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("restore", async () =>
    {
        var file = Path.GetFullPath(parse.GetValue(From)!);
        if (!File.Exists(file))
        {
            throw new CliInputException($"{file} does not exist.");
        }

        await using var app = CliVerb.BuildApp(parse);
        var target = app.Services.GetRequiredService<DatabaseTarget>();
        if (!parse.GetValue(Yes))
        {
            throw new CliInputException($"restoring replaces every row of the configured {target.Provider} database with the backup's; stop every server, then run again with --yes.");
        }

        try
        {
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                SqliteBackup.Restore(file, target.ConnectionString);
            }
            else
            {
                await PostgresBackup.RestoreAsync(file, target.ConnectionString, cancellationToken);
            }
        }
        catch (BackupException error)
        {
            throw new CliInputException(error.Message);
        }

        var applied = await app.Services.GetRequiredService<SchemaMigrator>().ApplyAsync(cancellationToken);
        Console.WriteLine($"{target.Provider}: restored from {file}" + (applied.Count == 0 ? "." : $"; then applied {string.Join(", ", applied)}."));
        return 0;
    });

    private static string DefaultFile(DatabaseTarget target, TimeProvider clock)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var extension = target.Provider == DatabaseProvider.Sqlite ? "db" : "dump";
        return Path.Combine("data", "backups", $"abm-{target.Provider.ToString().ToLowerInvariant()}-{stamp}.{extension}");
    }
}
