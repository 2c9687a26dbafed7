using System.Data.Common;

namespace Abm.Data.Migrator;

/// <summary>A PostgreSQL session advisory lock held for the life of the object; a no-op on SQLite.</summary>
internal sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly DbConnection? _connection;
    private readonly long _key;

    private AdvisoryLock(DbConnection? connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    public static async Task<AdvisoryLock> TakeAsync(DbConnection connection, DatabaseProvider provider, long key, CancellationToken cancellationToken)
    {
        if (provider != DatabaseProvider.PostgreSql)
        {
            return new AdvisoryLock(null, key);
        }

        await MigrationHistory.ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({key})", cancellationToken);
        return new AdvisoryLock(connection, key);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            await MigrationHistory.ExecuteAsync(_connection, null, $"SELECT pg_advisory_unlock({_key})", CancellationToken.None);
        }
    }
}
