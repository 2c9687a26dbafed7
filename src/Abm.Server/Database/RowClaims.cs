using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Database;

/// <summary>
/// How a worker claims due rows that other instances may be claiming at the same moment. On PostgreSQL the
/// claiming statement's inner SELECT ends with <c>FOR UPDATE SKIP LOCKED</c>: instances sharing the database take
/// different rows and none waits for another. SQLite allows one writer at a time, so the same statement without
/// the clause is already exclusive there.
/// </summary>
internal static class RowClaims
{
    public static string LockClause(AbmDbContext database) => database.Database.IsSqlite() ? "" : "FOR UPDATE SKIP LOCKED";
}
