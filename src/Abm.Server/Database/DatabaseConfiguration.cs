using Abm.Data;
using Abm.Server.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Abm.Server.Database;

/// <summary>
/// Chooses the database from configuration: <c>DATABASE_URL</c> (URL form, as Heroku and Supabase give it)
/// wins, then <c>ConnectionStrings:Abm</c> with <c>Database:Provider</c>, else the embedded SQLite file.
/// </summary>
internal static class DatabaseConfiguration
{
    public const string DefaultSqliteFile = "./data/abm.db";

    public static DatabaseTarget Resolve(IConfiguration configuration)
    {
        var url = configuration["DATABASE_URL"];
        if (!string.IsNullOrWhiteSpace(url))
        {
            return FromUrl(url);
        }

        var provider = ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Abm");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                throw new ConfigurationException("Database:Provider is postgres but neither DATABASE_URL nor ConnectionStrings:Abm is set.");
            }

            return Sqlite(DefaultSqliteFile);
        }

        return provider == DatabaseProvider.PostgreSql ? Postgres(connectionString, "ConnectionStrings:Abm") : SqliteFromConnectionString(connectionString);
    }

    private static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.PostgreSql,
        _ => throw new ConfigurationException($"Database:Provider '{value}' is not supported; use 'sqlite' or 'postgres'."),
    };

    private static DatabaseTarget FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ConfigurationException("DATABASE_URL is not a valid URL; expected postgres://user:password@host:port/database.");
        }

        if (uri.Scheme is "sqlite")
        {
            return Sqlite(uri.AbsolutePath.Length > 1 ? uri.AbsolutePath : DefaultSqliteFile);
        }

        if (uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new ConfigurationException($"DATABASE_URL has scheme '{uri.Scheme}'; expected postgres:// or postgresql://.");
        }

        var database = uri.AbsolutePath.TrimStart('/');
        if (string.IsNullOrEmpty(uri.Host) || string.IsNullOrEmpty(database))
        {
            throw new ConfigurationException("DATABASE_URL must name a host and a database: postgres://user:password@host:port/database.");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(database),
            Username = userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null,
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
        };
        ApplyQuery(builder, uri.Query);
        return new DatabaseTarget(DatabaseProvider.PostgreSql, builder.ConnectionString);
    }

    /// <summary>Carries ?sslmode=require and friends from the URL into the connection string.</summary>
    private static void ApplyQuery(NpgsqlConnectionStringBuilder builder, string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            try
            {
                builder[Uri.UnescapeDataString(parts[0])] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "true";
            }
            catch (ArgumentException)
            {
                throw new ConfigurationException($"DATABASE_URL has an unknown or invalid option '{parts[0]}'.");
            }
        }
    }

    private static DatabaseTarget Postgres(string connectionString, string key)
    {
        try
        {
            return new DatabaseTarget(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(connectionString).ConnectionString);
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException($"{key} is not a valid PostgreSQL connection string (keyword form: Host=...;Database=...;Username=...).");
        }
    }

    private static DatabaseTarget SqliteFromConnectionString(string connectionString)
    {
        try
        {
            return Sqlite(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException("ConnectionStrings:Abm is not a valid SQLite connection string (Data Source=path).");
        }
    }

    private static DatabaseTarget Sqlite(string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new DatabaseTarget(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true }.ConnectionString);
    }
}
