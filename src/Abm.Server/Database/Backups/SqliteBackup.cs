using Microsoft.Data.Sqlite;

namespace Abm.Server.Database.Backups;

/// <summary>
/// SQLite's online backup API copies the database page by page under its own locks, so a backup taken while the
/// server writes is a consistent snapshot, and a restore replaces the live file's pages in one go.
/// </summary>
internal static class SqliteBackup
{
    public static void Backup(string liveConnectionString, string file)
    {
        using var live = Open(liveConnectionString);
        using var copy = Open(FileConnectionString(file));
        live.BackupDatabase(copy);
        Check(copy, file);
    }

    public static void Restore(string file, string liveConnectionString)
    {
        using var copy = Open(FileConnectionString(file, SqliteOpenMode.ReadOnly));
        Check(copy, file);
        using var live = Open(liveConnectionString);
        copy.BackupDatabase(live);
    }

    /// <summary>The file is a sound SQLite database that holds an ABM schema (not some other program's database).</summary>
    private static void Check(SqliteConnection connection, string file)
    {
        try
        {
            CheckSchema(connection, file);
        }
        catch (SqliteException error)
        {
            throw new BackupException($"{file} is not a readable SQLite database ({error.Message}).");
        }
    }

    private static void CheckSchema(SqliteConnection connection, string file)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        if (command.ExecuteScalar() as string != "ok")
        {
            throw new BackupException($"{file} is damaged (SQLite's quick check failed).");
        }

        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{Abm.Data.Migrator.SchemaMigrator.HistoryTable}'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw new BackupException($"{file} is not an ABM Engine database (it has no migration history).");
        }
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqliteException error)
        {
            connection.Dispose();
            throw new BackupException($"cannot open the SQLite database: {error.Message}");
        }
    }

    private static string FileConnectionString(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();
}
