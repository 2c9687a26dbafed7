using System.Data.Common;

namespace Abm.Data.Migrator;

/// <summary>The schema_migrations table: which files were applied, with the checksum they had then.</summary>
internal sealed class MigrationHistory(DatabaseProvider provider)
{
    public const string TableName = "schema_migrations";

    public async Task EnsureTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var appliedAtType = provider == DatabaseProvider.PostgreSql ? "timestamp with time zone" : "TEXT";
        await ExecuteAsync(connection, null,
            $"CREATE TABLE IF NOT EXISTS {TableName} (id varchar(200) NOT NULL PRIMARY KEY, checksum varchar(64) NOT NULL, applied_at {appliedAtType} NOT NULL)",
            cancellationToken);
    }

    public static async Task<Dictionary<string, string>> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT id, checksum FROM {TableName}";
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    public async Task<bool> ExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.PostgreSql
            ? $"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{TableName}'"
            : $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{TableName}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task RecordAsync(DbConnection connection, DbTransaction transaction, MigrationScript script, DateTime appliedAt, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {TableName} (id, checksum, applied_at) VALUES (@id, @checksum, @applied_at)";
        AddParameter(command, "@id", script.Id);
        AddParameter(command, "@checksum", script.Checksum);
        AddParameter(command, "@applied_at", provider == DatabaseProvider.PostgreSql ? appliedAt : appliedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
