using System.Diagnostics;
using Npgsql;

namespace Abm.Server.Database.Backups;

/// <summary>
/// PostgreSQL backups with the server's own tools: <c>pg_dump</c> in its custom format (a consistent snapshot
/// taken in one transaction while the server keeps writing) and <c>pg_restore</c> in one transaction. A restore
/// first sets the current schema aside under another name, so tables a later version added do not survive into
/// the restored database, and a restore that fails puts it back as it was. The password goes through the
/// environment, never the command line, where other users of the machine could read it.
/// </summary>
internal static class PostgresBackup
{
    public static Task BackupAsync(string connectionString, string file, CancellationToken cancellationToken) =>
        RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--file={file}"], cancellationToken);

    public static async Task RestoreAsync(string file, string connectionString, CancellationToken cancellationToken)
    {
        // Reading the archive's table of contents proves it is a pg_dump archive before anything is dropped.
        await RunAsync("pg_restore", connectionString, ["--list", file], cancellationToken, needsDatabase: false);
        await ExecuteAsync(connectionString, $"DROP SCHEMA IF EXISTS {SetAside} CASCADE; ALTER SCHEMA public RENAME TO {SetAside}; CREATE SCHEMA public;", cancellationToken);
        try
        {
            await RunAsync("pg_restore", connectionString,
                ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={Database(connectionString)}", file],
                cancellationToken);
        }
        catch
        {
            await ExecuteAsync(connectionString, $"DROP SCHEMA public CASCADE; ALTER SCHEMA {SetAside} RENAME TO public;", CancellationToken.None);
            throw;
        }

        await ExecuteAsync(connectionString, $"DROP SCHEMA {SetAside} CASCADE;", cancellationToken);
    }

    private const string SetAside = "abm_before_restore";

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database
        ?? throw new BackupException("the PostgreSQL connection names no database.");

    private static async Task RunAsync(string tool, string connectionString, IReadOnlyList<string> args, CancellationToken cancellationToken, bool needsDatabase = true)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (needsDatabase && tool == "pg_dump")
        {
            start.ArgumentList.Add(Database(connectionString));
        }

        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username;
        start.Environment["PGPASSWORD"] = settings.Password;
        start.Environment["PGSSLMODE"] = settings.SslMode.ToString().ToLowerInvariant() switch
        {
            "verifyca" => "verify-ca",
            "verifyfull" => "verify-full",
            var mode => mode,
        };

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"{tool} is not installed; it comes with PostgreSQL's client tools (Debian: apt-get install postgresql-client).");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await output;
            if (process.ExitCode != 0)
            {
                var reason = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
                throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {reason}");
            }
        }
    }
}
