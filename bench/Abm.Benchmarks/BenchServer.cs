using Abm.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// The server as deployed, on a loopback port: SQLite in a scratch folder (removed on dispose), or the
/// database in DATABASE_URL when it is set; no nightly pass and no per-key limit, so a bench measures what it names.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly string _scratch;

    private BenchServer(WebApplication app, string scratch)
    {
        App = app;
        _scratch = scratch;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    /// <summary>The scratch folder (database and data-protection keys) another process of the server can share.</summary>
    public string Scratch => _scratch;

    public static Task<BenchServer> StartAsync(string name, string operatorKey, params string[] settings) =>
        StartAsync(name, operatorKey, TimeProvider.System, settings);

    /// <summary>A server whose clock is <paramref name="clock"/> (a bench living simulated days passes the sandbox's).</summary>
    public static async Task<BenchServer> StartAsync(string name, string operatorKey, TimeProvider clock, IEnumerable<string> settings)
    {
        var scratch = Directory.CreateTempSubdirectory($"abm-{name}-").FullName;
        string[] args =
        [
            "--urls=http://127.0.0.1:0", $"--API_SECRET_KEY={operatorKey}", "--API_RATE_LIMIT_PER_MINUTE=1000000",
            "--Scoring:NightlyPassEnabled=false", $"--DataProtection:KeysPath={Path.Combine(scratch, "keys")}", "--Logging:LogLevel:Default=Warning",
            .. settings,
            .. Environment.GetEnvironmentVariable("DATABASE_URL") is { Length: > 0 } ? Array.Empty<string>() : [$"--ConnectionStrings:Abm=Data Source={Path.Combine(scratch, "abm.db")}"],
        ];
        var app = AbmApp.Build(args, clock);
        await app.StartAsync();
        return new BenchServer(app, scratch);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_scratch, recursive: true);
    }
}
