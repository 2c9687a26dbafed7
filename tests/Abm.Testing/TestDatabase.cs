using Abm.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Abm.Testing;

/// <summary>
/// A fresh, empty database for one test, on the provider the run was started for: SQLite by default,
/// PostgreSQL when ABM_TEST_PROVIDER=postgres (scripts/test.sh starts a throwaway cluster and sets
/// ABM_TEST_POSTGRES to its maintenance connection string). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseTarget target, string? sqliteFile, string? postgresName)
    {
        Target = target;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseTarget Target { get; }

    public static bool IsPostgresRun =>
        string.Equals(Environment.GetEnvironmentVariable("ABM_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("ABM_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ABM_TEST_PROVIDER=postgres needs ABM_TEST_POSTGRES (a connection string to the test cluster); run scripts/test.sh.");

    public static Task<TestDatabase> CreateAsync() => IsPostgresRun ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    public static TestDatabase CreateSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"abm-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"), file, null);
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var name = $"abm_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return new TestDatabase(new DatabaseTarget(DatabaseProvider.PostgreSql, builder.ConnectionString), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
