using System.Data.Common;
using System.Globalization;
using Abm.Data.Migrator;
using Abm.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Abm.Data.Tests;

/// <summary>
/// Migration 0024 adds HubSpot's creation time to contacts, companies and deals and fills it, for rows synced before,
/// from the createdate kept in their properties; anything that is not an ISO 8601 moment is left empty.
/// </summary>
public sealed class HubSpotCreatedAtBackfillTests
{
    [Fact]
    public async Task Migration0024_RowsSyncedBefore_GetTheirCreatedateOrNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var all = MigratorFactory.For(database.Target);
        var before = new SchemaMigrator(database.Target, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)
        {
            Scripts = [.. all.Scripts.Where(s => string.CompareOrdinal(s.Id, "0024") < 0)],
        };
        await before.ApplyAsync();
        var (workspace, dated, undated) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await OpenAsync(database.Target))
        {
            var schema = await SchemaReader.ReadAsync(database.Target);
            await InsertAsync(connection, database.Target.Provider, schema, "workspaces", new() { ["id"] = workspace });
            await InsertAsync(connection, database.Target.Provider, schema, "contacts",
                new() { ["id"] = dated, ["workspace_id"] = workspace, ["hubspot_id"] = "101", ["properties"] = "{\"createdate\":\"2025-11-03T14:05:06.789Z\"}" });
            await InsertAsync(connection, database.Target.Provider, schema, "contacts",
                new() { ["id"] = undated, ["workspace_id"] = workspace, ["hubspot_id"] = "102", ["properties"] = "{\"createdate\":\"last autumn\"}" });
        }

        await all.ApplyAsync();

        await using var read = await OpenAsync(database.Target);
        (await CreatedAtAsync(read, dated)).ShouldBe(new DateTime(2025, 11, 3, 14, 5, 6, 789, DateTimeKind.Utc));
        (await CreatedAtAsync(read, undated)).ShouldBeNull();
    }

    private static async Task<DbConnection> OpenAsync(DatabaseTarget target)
    {
        DbConnection connection = target.Provider == DatabaseProvider.PostgreSql ? new NpgsqlConnection(target.ConnectionString) : new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<DateTime?> CreatedAtAsync(DbConnection connection, Guid id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection is NpgsqlConnection
            ? $"SELECT hubspot_created_at FROM contacts WHERE id = '{id}'::uuid"
            : $"SELECT hubspot_created_at FROM contacts WHERE id = '{SqliteKey(id)}'";
        return await command.ExecuteScalarAsync() switch
        {
            DateTime moment => DateTime.SpecifyKind(moment.ToUniversalTime(), DateTimeKind.Utc),
            string text => DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc),
            _ => null,
        };
    }

    // A row with the given values and a placeholder of the right kind in every other required column.
    private static async Task InsertAsync(DbConnection connection, DatabaseProvider provider, SchemaShape schema, string table, Dictionary<string, object> values)
    {
        var columns = schema.Tables[table].Columns.Where(c => values.ContainsKey(c.Name) || !c.Nullable).ToList();
        await using var command = connection.CreateCommand();
        var literals = columns.Select(c => values.TryGetValue(c.Name, out var value) ? Literal(value, c.StoreType, provider) : Placeholder(c.StoreType));
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", literals)})";
        await command.ExecuteNonQueryAsync();
    }

    private static string Literal(object value, string storeType, DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? $"'{value}'::{storeType}" : $"'{(value is Guid guid ? SqliteKey(guid) : value)}'";

    // The SQLite provider stores GUIDs as upper-case text.
    private static string SqliteKey(Guid id) => id.ToString().ToUpperInvariant();

    private static string Placeholder(string storeType) => storeType.ToLowerInvariant() switch
    {
        var t when t.EndsWith("[]", StringComparison.Ordinal) => $"'{{}}'::{storeType}",
        var t when t.Contains("int", StringComparison.Ordinal) || t.Contains("numeric", StringComparison.Ordinal) || t.Contains("double", StringComparison.Ordinal) || t.Contains("real", StringComparison.Ordinal) => "0",
        "boolean" => "false",
        "uuid" => $"'{Guid.NewGuid()}'::uuid",
        "jsonb" or "json" => "'{}'::jsonb",
        var t when t.StartsWith("timestamp", StringComparison.Ordinal) => "now()",
        _ => "'x'",
    };
}
