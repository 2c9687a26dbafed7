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
    private const string ExpectedUrls = "postgres://user:password@host:port/database or sqlite:///path/to/abm.db";

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

            return Sqlite(DefaultSqliteFile, setting: null);
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
            throw new ConfigurationException($"DATABASE_URL is not a valid URL; expected {ExpectedUrls}.");
        }

        if (uri.Scheme is "sqlite")
        {
            return uri.AbsolutePath.Length > 1 ? Sqlite(Uri.UnescapeDataString(uri.AbsolutePath), "DATABASE_URL") : Sqlite(DefaultSqliteFile, setting: null);
        }

        if (uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new ConfigurationException($"DATABASE_URL has scheme '{uri.Scheme}'; expected {ExpectedUrls}.");
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
            return Sqlite(new SqliteConnectionStringBuilder(connectionString).DataSource, "ConnectionStrings:Abm");
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException("ConnectionStrings:Abm is not a valid SQLite connection string (Data Source=path).");
        }
    }

    /// <summary>
    /// The default file's folder is created on first start; a file named by a setting must be in a folder that
    /// exists, so a typo never leaves folders behind outside where the operator meant to keep data.
    /// </summary>
    private static DatabaseTarget Sqlite(string file, string? setting)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            if (setting is not null)
            {
                throw new ConfigurationException($"{setting} names the SQLite file '{file}', but the folder '{directory}' does not exist; create it or name another file.");
            }

            Directory.CreateDirectory(directory);
        }

        return new DatabaseTarget(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true }.ConnectionString);
    }
}
