using System.Data.Common;

namespace Abm.Server.Database;

/// <summary>
/// Failures the database itself calls transient: a deadlock or serialization failure on PostgreSQL (the transaction
/// was rolled back and may simply run again), a busy database on SQLite. Writers of many rows that other writers
/// also touch (pages of a sync, pooled webhook batches) go again when one of these ends their transaction.
/// </summary>
internal static class TransientDatabaseErrors
{
    /// <summary>Whether <paramref name="error"/> or any of its inner exceptions is a transient database failure.</summary>
    public static bool Any(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
