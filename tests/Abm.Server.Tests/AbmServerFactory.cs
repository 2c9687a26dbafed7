using System.Net.Http.Headers;
using System.Net.Http.Json;
using Abm.Data;
using Abm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Abm.Server.Tests;

/// <summary>The real server on a fresh database of the run's provider, with a known operator key.</summary>
public sealed class AbmServerFactory : WebApplicationFactory<Program>
{
    public const string OperatorKey = "test-operator-key-0123456789abcdef";

    private readonly TestDatabase _database;
    private readonly Dictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDatabase;

    private AbmServerFactory(TestDatabase database, Dictionary<string, string> settings, Action<IServiceCollection>? services = null, bool ownsDatabase = true)
    {
        _database = database;
        _settings = settings;
        _services = services;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>A second instance on the database of <paramref name="first"/>, as two servers behind one load balancer; the first one drops the database.</summary>
    public static AbmServerFactory StartBeside(AbmServerFactory first, Dictionary<string, string>? settings = null)
    {
        var factory = new AbmServerFactory(first._database, settings ?? [], ownsDatabase: false);
        _ = factory.Server;
        return factory;
    }

    /// <param name="settings">Configuration values that override the test defaults.</param>
    /// <param name="services">Extra registrations after the server's own (fault injectors around the database, say).</param>
    public static async Task<AbmServerFactory> StartAsync(Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync();
        var factory = new AbmServerFactory(database, settings ?? [], services);
        _ = factory.Server; // starts the host: migrations and the default workspace happen here
        return factory;
    }

    /// <summary>Every line the server logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The server on Kestrel at a loopback port, for callers outside the test process's HttpClient (the sandbox's webhooks).</summary>
    public static async Task<AbmServerFactory> StartOverHttpAsync(Dictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var factory = new AbmServerFactory(database, settings ?? []);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>Where a server started over HTTP listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri HttpAddress => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        var target = _database.Target;
        builder.UseSetting("API_SECRET_KEY", OperatorKey);
        builder.UseSetting("Database:Provider", target.Provider == DatabaseProvider.PostgreSql ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:Abm", target.ConnectionString);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetTempPath(), $"abm-keys-{Guid.NewGuid():N}"));
        // Automatic lead scoring would score the contacts tests seed behind their backs; the tests that want it say so.
        builder.UseSetting("Leads:AutoScoreIntervalSeconds", "0");
        // A developer's own ANTHROPIC_API_KEY or OPENAI_API_KEY must not send test leads to a real model; the tests that want one point it at a fake.
        builder.UseSetting("Leads:Llm:Provider", "none");
        // The local sentence model costs milliseconds a lead; tests that score whole portals use the hashed embedding.
        // The embedding tests (MiniLmEmbeddingTests) run the real model.
        builder.UseSetting("Leads:EmbeddingModel", "hashed");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient OperatorClient(Guid? workspace = null)
    {
        var client = ClientWithKey(OperatorKey);
        if (workspace is { } id)
        {
            client.DefaultRequestHeaders.Add("X-Workspace-Id", id.ToString());
        }

        return client;
    }

    public async Task<Guid> CreateWorkspaceAsync(string name = "Second")
    {
        var response = await OperatorClient().PostAsJsonAsync("/api/workspaces", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    /// <summary>Creates a key in the workspace (the default one when null) and returns its id and secret.</summary>
    public async Task<(Guid Id, string Key)> CreateKeyAsync(string role, Guid? workspace = null)
    {
        var response = await OperatorClient(workspace).PostAsJsonAsync("/api/api-keys", new { name = $"{role} key", role });
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<CreatedKey>())!;
        return (created.Id, created.Key);
    }

    /// <summary>A fresh workspace of its own and a marketer key for it.</summary>
    public async Task<(HttpClient Client, Guid Workspace)> MarketerInNewWorkspaceAsync()
    {
        var workspace = await CreateWorkspaceAsync($"Test {Guid.NewGuid():N}");
        return (ClientWithKey((await CreateKeyAsync("marketer", workspace)).Key), workspace);
    }

    public async Task<Abm.Data.Entities.Contact> SeedContactAsync(Guid workspace, string? jobTitle = null, Guid? companyId = null, string? buyingRole = null)
    {
        var contact = new Abm.Data.Entities.Contact
        {
            Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = NextHubSpotId(), Email = $"buyer.{Guid.NewGuid():N}@example.com",
            JobTitle = jobTitle, CompanyId = companyId, BuyingRole = buyingRole,
        };
        await using var database = OpenDatabase();
        database.Contacts.Add(contact);
        await database.SaveChangesAsync();
        return contact;
    }

    public async Task<Abm.Data.Entities.Company> SeedCompanyAsync(Guid workspace, string? industry = null)
    {
        var company = new Abm.Data.Entities.Company { Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = NextHubSpotId(), Name = "Acme", Industry = industry };
        await using var database = OpenDatabase();
        database.Companies.Add(company);
        await database.SaveChangesAsync();
        return company;
    }

    private static string NextHubSpotId() => Random.Shared.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public AbmDbContext OpenDatabase() => new(_database.Target.ContextOptions());

    /// <summary>The server's database, for the abm executable to work on beside it.</summary>
    public DatabaseTarget Database => _database.Target;

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Stops the server and keeps its database, for what an operator does with every server stopped (a restore).</summary>
    public ValueTask StopServerAsync() => base.DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    public sealed record IdOnly(Guid Id);

    public sealed record CreatedKey(Guid Id, string Key, string Prefix, string Role);
}
