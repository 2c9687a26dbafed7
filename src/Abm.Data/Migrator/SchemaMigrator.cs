using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Abm.Data.Migrator;

/// <summary>
/// Applies the embedded SQL files in order, each in its own transaction, recording a checksum per file.
/// On PostgreSQL a session advisory lock serialises instances that start together; on SQLite each file's
/// write transaction (BEGIN IMMEDIATE) does the same, and history is re-read inside it.
/// </summary>
public sealed partial class SchemaMigrator(DatabaseTarget target, TimeProvider clock, ILogger<SchemaMigrator> logger)
{
    // Any constant works; it only has to be the same for every instance of the product.
    private const long AdvisoryLockKey = 0x41424D5F4D494752; // "ABM_MIGR"

    private readonly MigrationHistory _history = new(target.Provider);

    /// <summary>The table that records applied migrations: a database without it is not one of ours.</summary>
    public static string HistoryTable => MigrationHistory.TableName;

    public IReadOnlyList<MigrationScript> Scripts { get; init; } = MigrationScript.LoadEmbedded(target.Provider);

    /// <summary>Brings the schema up to date; returns the ids of the files applied by this call.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var advisoryLock = await AdvisoryLock.TakeAsync(connection, target.Provider, AdvisoryLockKey, cancellationToken);
        await _history.EnsureTableAsync(connection, cancellationToken);
        Verify(await MigrationHistory.ReadAsync(connection, null, cancellationToken));

        var applied = new List<string>();
        foreach (var script in Scripts)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var history = await MigrationHistory.ReadAsync(connection, transaction, cancellationToken);
            Verify(history);
            if (history.ContainsKey(script.Id))
            {
                continue;
            }

            LogApplying(script.Id);
            await MigrationHistory.ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await _history.RecordAsync(connection, transaction, script, clock.GetUtcNow().UtcDateTime, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(script.Id);
        }

        LogUpToDate(target.Provider, applied.Count);
        return applied;
    }

    /// <summary>The files not yet applied. Throws <see cref="MigrationException"/> if history disagrees with the files.</summary>
    public async Task<IReadOnlyList<string>> GetPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (!await _history.ExistsAsync(connection, cancellationToken))
        {
            return Scripts.Select(s => s.Id).ToList();
        }

        var history = await MigrationHistory.ReadAsync(connection, null, cancellationToken);
        Verify(history);
        return Scripts.Where(s => !history.ContainsKey(s.Id)).Select(s => s.Id).ToList();
    }

    private void Verify(Dictionary<string, string> history)
    {
        var known = Scripts.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var (id, checksum) in history)
        {
            if (!known.TryGetValue(id, out var script))
            {
                throw new MigrationException(
                    $"The database has migration '{id}', which this version of ABM Engine does not ship. " +
                    "Refusing to run an older build against a newer schema.");
            }

            if (!string.Equals(script.Checksum, checksum, StringComparison.Ordinal))
            {
                throw new MigrationException(
                    $"Migration '{id}' was edited after it was applied (applied checksum {checksum[..12]}, file now {script.Checksum[..12]}). " +
                    "Restore the original file and put the change in a new numbered migration.");
            }
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = target.Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(target.ConnectionString)
            : new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection is SqliteConnection)
        {
            // WAL lets the dashboard read while workers write; the setting persists in the file.
            await MigrationHistory.ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000;", cancellationToken);
        }

        return connection;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying migration {MigrationId}")]
    private partial void LogApplying(string migrationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema is up to date on {Provider}; applied {Count} migration(s)")]
    private partial void LogUpToDate(DatabaseProvider provider, int count);
}
