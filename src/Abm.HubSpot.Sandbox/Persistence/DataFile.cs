using Microsoft.Data.Sqlite;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// The SQLite file behind <c>--data-file</c>. A portal is its identity plus rows keyed within its sections; a save
/// writes the rows that changed (every row of a portal the first time) in one transaction, so the file always
/// holds one complete save: never half of one, whenever the process stops.
/// </summary>
internal sealed class DataFile(string path)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS sandbox_section (name TEXT PRIMARY KEY, data TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS portal (portal_id INTEGER PRIMARY KEY, identity TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS portal_row (
            portal_id INTEGER NOT NULL REFERENCES portal (portal_id),
            section TEXT NOT NULL,
            key INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (portal_id, section, key));
        """;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public IReadOnlyDictionary<string, string> ReadSandboxSections()
    {
        using var connection = Open();
        var sandbox = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = Command(connection, "SELECT name, data FROM sandbox_section");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            sandbox[reader.GetString(0)] = reader.GetString(1);
        }

        return sandbox;
    }

    /// <summary>Every portal's id and identity, in portal id order.</summary>
    public IReadOnlyList<(long PortalId, string Identity)> ReadPortals()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT portal_id, identity FROM portal ORDER BY portal_id");
        using var reader = command.ExecuteReader();
        var portals = new List<(long, string)>();
        while (reader.Read())
        {
            portals.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return portals;
    }

    /// <summary>The rows of one section of a portal in key order, read as they are enumerated.</summary>
    public IEnumerable<StoredRow> ReadRows(long portalId, string section)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT key, data FROM portal_row WHERE portal_id = $a AND section = $b ORDER BY key");
        command.Parameters.AddWithValue("$a", portalId);
        command.Parameters.AddWithValue("$b", section);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredRow(reader.GetInt64(0), reader.GetString(1));
        }
    }

    /// <summary>
    /// Writes the sandbox sections and, when <paramref name="portals"/> is not null, what they captured (a portal
    /// captured whole replaces its rows; portals not listed are dropped); commits before returning (SQLite's default
    /// journal with full sync makes the commit durable). Returns how many portal rows it wrote or deleted.
    /// </summary>
    public int Write(IReadOnlyDictionary<string, string> sandboxSections, IReadOnlyList<PortalCapture>? portals)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using (var upsert = Prepared(connection, transaction, "INSERT OR REPLACE INTO sandbox_section (name, data) VALUES ($a, $b)", 2))
        {
            foreach (var (name, data) in sandboxSections)
            {
                Run(upsert, name, data);
            }
        }

        var written = portals is null ? 0 : WritePortals(connection, transaction, portals);
        transaction.Commit();
        return written;
    }

    private static int WritePortals(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<PortalCapture> portals)
    {
        var kept = string.Join(",", portals.Select(p => p.PortalId));
        using (var dropRows = Prepared(connection, transaction, $"DELETE FROM portal_row WHERE portal_id NOT IN ({kept})", 0))
        using (var dropPortals = Prepared(connection, transaction, $"DELETE FROM portal WHERE portal_id NOT IN ({kept})", 0))
        {
            dropRows.ExecuteNonQuery();
            dropPortals.ExecuteNonQuery();
        }

        using var identity = Prepared(connection, transaction, "INSERT OR REPLACE INTO portal (portal_id, identity) VALUES ($a, $b)", 2);
        using var clear = Prepared(connection, transaction, "DELETE FROM portal_row WHERE portal_id = $a", 1);
        using var put = Prepared(connection, transaction, "INSERT OR REPLACE INTO portal_row (portal_id, section, key, data) VALUES ($a, $b, $c, $d)", 4);
        using var delete = Prepared(connection, transaction, "DELETE FROM portal_row WHERE portal_id = $a AND section = $b AND key = $c", 3);
        var written = 0;
        foreach (var portal in portals)
        {
            if (portal.Everything)
            {
                Run(clear, portal.PortalId);
            }

            if (portal.Identity is not null)
            {
                Run(identity, portal.PortalId, portal.Identity);
                written++;
            }

            foreach (var row in portal.Rows)
            {
                if (row.Data is null)
                {
                    Run(delete, portal.PortalId, row.Section, row.Key);
                }
                else
                {
                    Run(put, portal.PortalId, row.Section, row.Key, row.Data);
                }

                written++;
            }
        }

        return written;
    }

    private SqliteConnection Open()
    {
        // No pooling: the file is closed between saves, so another process (or a restarted host) can take it over.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        // The first layout kept each section as one document (table portal_section) and was rewritten whole; its files are not read.
        using (var old = Command(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'portal_section'"))
        {
            if (Convert.ToInt64(old.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                connection.Dispose();
                throw new InvalidOperationException($"The data file {Path} was written by an older sandbox, which kept it another way; delete it or use another file.");
            }
        }

        using var command = Command(connection, Schema);
        command.ExecuteNonQuery();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    // One prepared statement per kind of write, its parameters bound again for every row: 100,000 rows in seconds.
    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = Command(connection, sql);
        command.Transaction = transaction;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + (char)('a' + i), null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
