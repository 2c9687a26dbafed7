using System.Globalization;
using Abm.Server.Database;
using Microsoft.Data.Sqlite;

namespace Abm.Server.Features.Demo;

/// <summary>
/// Decides whether the server runs as the product or as the demo, and keeps the demo's state apart: the demo has its
/// own folder (<c>./data/demo</c>: its database, key ring and the sandbox's data file), so demo data never mixes with a
/// real portal's, and <c>abm demo --reset</c> removes exactly that folder.
/// </summary>
internal static class DemoMode
{
    /// <summary>Settings that mean "this is a real deployment": any of them turns the default demo off.</summary>
    private static readonly string[] RealProductSettings = ["HUBSPOT_API_KEY", "HUBSPOT_CLIENT_ID", "DATABASE_URL", "ConnectionStrings:Abm"];

    /// <summary>The transactional email the demo's nurture sequences send through.</summary>
    public const long NurtureEmailId = 1001;

    public static string Folder => Path.GetFullPath(Path.Combine("data", "demo"));

    /// <summary>The configuration the server will see (environment, command line, appsettings.json), read before it is built.</summary>
    public static IConfiguration ReadConfiguration(string[] args) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build();

    /// <summary>
    /// True when <c>abm</c> without a verb should start the demo: nothing names a HubSpot connection (no
    /// HUBSPOT_API_KEY, no OAuth app), no database is configured, and the default database holds no portal's data.
    /// <c>Demo__Enabled=false</c> keeps an empty server instead.
    /// </summary>
    public static bool IsDefault(IConfiguration configuration)
    {
        if (string.Equals(configuration["Demo:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !RealProductSettings.Any(name => !string.IsNullOrWhiteSpace(configuration[name]))
            && !HoldsRealData(Path.GetFullPath(DatabaseConfiguration.DefaultSqliteFile));
    }

    /// <summary>Deletes the demo's state; the next start seeds and syncs a new portal.</summary>
    public static void Reset()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>
    /// Host settings of the demo server: its own database and key ring, the sandbox portal as the default workspace's
    /// connection (token, address, app secret for webhook signatures). Given as command-line settings, which win over
    /// the environment, so a real HUBSPOT_API_KEY in the shell can never reach demo data.
    /// </summary>
    public static IEnumerable<string> ServerArguments(DemoSandbox sandbox, DemoSettings settings)
    {
        var portal = sandbox.Host.Portals[0];
        var values = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "sqlite://" + Path.Combine(Folder, "abm.db"),
            ["DataProtection:KeysPath"] = Path.Combine(Folder, "keys"),
            ["HUBSPOT_API_KEY"] = portal.AccessToken,
            ["HUBSPOT_PORTAL_ID"] = portal.PortalId.ToString(CultureInfo.InvariantCulture),
            ["HUBSPOT_BASE_URL"] = sandbox.Host.BaseUrl,
            ["HUBSPOT_TIER"] = "professional",
            ["HUBSPOT_CLIENT_ID"] = sandbox.Host.ClientId,
            ["HUBSPOT_CLIENT_SECRET"] = sandbox.Host.ClientSecret,
            ["HUBSPOT_AUTHORIZE_URL"] = sandbox.Host.BaseUrl + "/oauth/authorize",
            ["ABM_DEFAULT_WORKSPACE_NAME"] = "Demo workspace (simulated data)",
            ["Demo:SandboxUrl"] = sandbox.Host.BaseUrl,
            ["Demo:AppId"] = sandbox.Host.AppId.ToString(CultureInfo.InvariantCulture),
            ["Demo:DeveloperApiKey"] = sandbox.Host.DeveloperApiKey,
            ["Demo:ClockSpeed"] = settings.ClockSpeed.ToString(CultureInfo.InvariantCulture),
            // The sandbox takes any transactional email id: this one carries the demo's nurture sends.
            ["Nurture:TransactionalEmailId"] = NurtureEmailId.ToString(CultureInfo.InvariantCulture),
            // Simulated leads are scored by the deterministic scorer: a language model's key in the shell must not
            // be spent on demo data (a first start scores every contact).
            ["Leads:Llm:Provider"] = "none",
            // Nor on embedding it: the demo embeds with the local model whatever key is set.
            ["Leads:EmbeddingModel"] = "minilm",
        };
        return values.Select(pair => $"--{pair.Key}={pair.Value}");
    }

    // The default SQLite file is the operator's own once it holds a portal's connection or contacts: never replace it with a demo.
    private static bool HoldsRealData(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM oauth_connections) + (SELECT count(*) FROM contacts)";
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            // A file without the schema yet (the tables are missing): nothing real in it.
            return false;
        }
    }
}
