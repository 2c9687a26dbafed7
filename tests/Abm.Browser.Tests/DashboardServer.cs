using Abm.Data;
using Abm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Browser.Tests;

/// <summary>The real server on Kestrel at a loopback port (a browser needs a real address), on a fresh database.</summary>
public sealed class DashboardServer : WebApplicationFactory<Program>
{
    public const string OperatorKey = "browser-operator-key-0123456789abcdef";

    private readonly TestDatabase _database;
    private readonly string _hubSpotBaseUrl;

    private DashboardServer(TestDatabase database, string hubSpotBaseUrl) => (_database, _hubSpotBaseUrl) = (database, hubSpotBaseUrl);

    /// <param name="hubSpotBaseUrl">Where HubSpot answers: the sandbox the sync page connects to.</param>
    public static async Task<DashboardServer> StartAsync(string hubSpotBaseUrl)
    {
        var server = new DashboardServer(await TestDatabase.CreateAsync(), hubSpotBaseUrl);
        server.UseKestrel(0);
        server.StartServer();
        return server;
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public AbmDbContext OpenDatabase() => new(_database.Target.ContextOptions());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var target = _database.Target;
        builder.UseSetting("API_SECRET_KEY", OperatorKey);
        builder.UseSetting("HUBSPOT_BASE_URL", _hubSpotBaseUrl);
        builder.UseSetting("HubSpot:Retries:BaseDelay", "00:00:00.020");
        builder.UseSetting("Database:Provider", target.Provider == DatabaseProvider.PostgreSql ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:Abm", target.ConnectionString);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetTempPath(), $"abm-keys-{Guid.NewGuid():N}"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
