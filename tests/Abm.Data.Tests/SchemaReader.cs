using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Abm.Data.Tests;

internal sealed record ColumnShape(string Name, string StoreType, bool Nullable);

internal sealed record IndexShape(string Name, bool Unique, string Columns, bool Filtered);

internal sealed record TableShape(IReadOnlyList<ColumnShape> Columns, IReadOnlyList<IndexShape> Indexes);

internal sealed record SchemaShape(IReadOnlyDictionary<string, TableShape> Tables);

/// <summary>Reads tables, columns and indexes back from a live database, in the terms EF's model uses.</summary>
internal static class SchemaReader
{
    public static async Task<SchemaShape> ReadAsync(DatabaseTarget target)
    {
        await using DbConnection connection = target.Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(target.ConnectionString)
            : new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync();
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var table in await QueryAsync(connection, target.Provider == DatabaseProvider.PostgreSql
                     ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                     : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0)))
        {
            tables[table] = target.Provider == DatabaseProvider.PostgreSql
                ? await ReadPostgresTableAsync(connection, table)
                : await ReadSqliteTableAsync(connection, table);
        }

        return new SchemaShape(tables);
    }

    private static async Task<TableShape> ReadPostgresTableAsync(DbConnection connection, string table)
    {
        var columns = await QueryAsync(connection, $"""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relname = '{table}' AND a.attnum > 0 AND NOT a.attisdropped
            """, r => new ColumnShape(r.GetString(0), r.GetString(1), r.GetBoolean(2)));
        var indexes = await QueryAsync(connection, $"""
            SELECT i.relname, ix.indisunique,
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum),
                   ix.indpred IS NOT NULL
            FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
            WHERE t.relname = '{table}' AND NOT ix.indisprimary
            """, r => new IndexShape(r.GetString(0), r.GetBoolean(1), r.GetString(2), r.GetBoolean(3)));
        return new TableShape(columns, indexes);
    }

    private static async Task<TableShape> ReadSqliteTableAsync(DbConnection connection, string table)
    {
        var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\" = 0 FROM pragma_table_info('{table}')",
            r => new ColumnShape(r.GetString(0), r.GetString(1), r.GetBoolean(2)));
        var indexes = new List<IndexShape>();
        foreach (var (name, unique, sql) in await QueryAsync(connection,
                     $"SELECT l.name, l.\"unique\", m.sql FROM pragma_index_list('{table}') l JOIN sqlite_master m ON m.name = l.name WHERE l.origin = 'c'",
                     r => (r.GetString(0), r.GetBoolean(1), r.GetString(2))))
        {
            var indexColumns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno", r => r.GetString(0));
            indexes.Add(new IndexShape(name, unique, string.Join(',', indexColumns), sql.Contains(" WHERE ", StringComparison.OrdinalIgnoreCase)));
        }

        return new TableShape(columns, indexes);
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
