using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Abm.Data.Migrator;

/// <summary>One numbered SQL file shipped inside this assembly.</summary>
public sealed record MigrationScript(string Id, string Sql, string Checksum)
{
    private const string ResourcePrefix = "Abm.Data.Migrations.";

    public static IReadOnlyList<MigrationScript> LoadEmbedded(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.PostgreSql ? "PostgreSql" : "Sqlite";
        var prefix = $"{ResourcePrefix}{folder}/";
        var assembly = typeof(MigrationScript).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => FromText(name[prefix.Length..], Read(assembly, name)))
            .OrderBy(script => script.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Line endings are normalised first so a checkout with CRLF does not look like an edit.</summary>
    public static MigrationScript FromText(string id, string sql)
    {
        var normalised = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
        return new MigrationScript(id, normalised, checksum);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
