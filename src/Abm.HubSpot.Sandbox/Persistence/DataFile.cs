using Microsoft.Data.Sqlite;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>A portal as the data file holds it: who it is and its sections by name.</summary>
internal sealed record StoredPortal(long PortalId, string Identity, IReadOnlyDictionary<string, string> Sections);

/// <summary>
/// The SQLite file behind <c>--data-file</c>. Each save replaces the whole content in one transaction, so the file
/// always holds one complete save: never half of one, whenever the process stops.
/// </summary>
internal sealed class DataFile(string path)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS sandbox_section (name TEXT PRIMARY KEY, data TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS portal (portal_id INTEGER PRIMARY KEY, identity TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS portal_section (
            portal_id INTEGER NOT NULL REFERENCES portal (portal_id),
            name TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (portal_id, name));
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

    public IReadOnlyList<StoredPortal> ReadPortals()
    {
        using var connection = Open();
        var sections = new Dictionary<long, Dictionary<string, string>>();
        using (var command = Command(connection, "SELECT portal_id, name, data FROM portal_section"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var portalId = reader.GetInt64(0);
                if (!sections.TryGetValue(portalId, out var named))
                {
                    sections[portalId] = named = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                named[reader.GetString(1)] = reader.GetString(2);
            }
        }

        var portals = new List<StoredPortal>();
        using (var command = Command(connection, "SELECT portal_id, identity FROM portal ORDER BY portal_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var portalId = reader.GetInt64(0);
                portals.Add(new StoredPortal(portalId, reader.GetString(1), sections.GetValueOrDefault(portalId) ?? []));
            }
        }

        return portals;
    }

    /// <summary>
    /// Writes the sandbox sections and, when <paramref name="portals"/> is not null, replaces every portal; commits
    /// before returning (SQLite's default journal with full sync makes the commit durable).
    /// </summary>
    public void Write(IReadOnlyDictionary<string, string> sandboxSections, IReadOnlyList<StoredPortal>? portals)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (name, data) in sandboxSections)
        {
            Execute(connection, transaction, "INSERT OR REPLACE INTO sandbox_section (name, data) VALUES ($a, $b)", name, data);
        }

        if (portals is not null)
        {
            Execute(connection, transaction, "DELETE FROM portal_section");
            Execute(connection, transaction, "DELETE FROM portal");
            foreach (var portal in portals)
            {
                Execute(connection, transaction, "INSERT INTO portal (portal_id, identity) VALUES ($a, $b)", portal.PortalId, portal.Identity);
                foreach (var (name, data) in portal.Sections)
                {
                    Execute(connection, transaction, "INSERT INTO portal_section (portal_id, name, data) VALUES ($a, $b, $c)", portal.PortalId, name, data);
                }
            }
        }

        transaction.Commit();
    }

    private SqliteConnection Open()
    {
        // No pooling: the file is closed between saves, so another process (or a restarted host) can take it over.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
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

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params object[] values)
    {
        using var command = Command(connection, sql);
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (char)('a' + i), values[i]);
        }

        command.ExecuteNonQuery();
    }
}
