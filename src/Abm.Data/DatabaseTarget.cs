using Microsoft.EntityFrameworkCore;

namespace Abm.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database the product talks to; resolved once from configuration at start.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) => Provider switch
    {
        DatabaseProvider.PostgreSql => builder.UseNpgsql(ConnectionString),
        _ => builder.UseSqlite(ConnectionString),
    };

    public DbContextOptions<AbmDbContext> ContextOptions() =>
        ((DbContextOptionsBuilder<AbmDbContext>)Configure(new DbContextOptionsBuilder<AbmDbContext>())).Options;

    /// <summary>Never print the connection string itself: it carries the password.</summary>
    public override string ToString() => $"{Provider}";
}
