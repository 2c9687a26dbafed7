using Xunit;

namespace Abm.Testing;

/// <summary>A test that only means something on PostgreSQL (advisory locks, real concurrency); skipped on the SQLite run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgresRun)
        {
            Skip = "PostgreSQL only; runs in the PostgreSQL pass of scripts/test.sh";
        }
    }
}
