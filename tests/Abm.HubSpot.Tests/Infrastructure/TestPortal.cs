using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Abm.HubSpot.Auth;
using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.HubSpot.Tests.Infrastructure;

/// <summary>
/// A sandbox of its own for one test (one portal unless told otherwise) on a simulated clock running
/// <see cref="DefaultSpeed"/> times real time, a client for its first portal, and the sandbox's admin API.
/// </summary>
internal sealed class TestPortal : IAsyncDisposable
{
    public const double DefaultSpeed = 10;
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly List<HubSpotClient> _clients = [];

    private TestPortal(SandboxHost host, double speed)
    {
        Host = host;
        Time = new CompressedTime(host.Clock, speed);
        Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Admin = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
    }

    public SandboxHost Host { get; }

    public CompressedTime Time { get; }

    public HttpClient Http { get; }

    public HttpClient Admin { get; }

    public SandboxPortalInfo Portal => Host.Portals[0];

    public static async Task<TestPortal> StartAsync(SandboxPortalOptions? portal = null, double speed = DefaultSpeed) =>
        new(await SandboxHost.StartAsync(new SandboxOptions
        {
            ClockStart = Start,
            ClockSpeed = speed,
            SimulateBehaviour = false, // the client is tested against the API alone; buyers acting would only add noise
            Portals = [portal ?? new SandboxPortalOptions { Accounts = 5 }],
        }), speed);

    /// <summary>A client for the first portal with its private app token (or <paramref name="authentication"/>), fast retries by default.</summary>
    public HubSpotClient Client(HubSpotAuthentication? authentication = null, Action<HubSpotClientOptions>? configure = null)
    {
        var options = new HubSpotClientOptions { BaseUrl = new Uri(Host.BaseUrl) };
        options.Retries.BaseDelay = TimeSpan.FromMilliseconds(200);
        // Measured on the compressed clock: a minute of it is six real seconds, room enough for a cold
        // batch on a loaded machine; shorter, a slow first attempt times out, is retried and creates twice.
        options.Retries.AttemptTimeout = TimeSpan.FromMinutes(1);
        configure?.Invoke(options);
        var client = new HubSpotClient(Http, authentication ?? HubSpotAuthentication.PrivateApp(Portal.AccessToken), options, Time);
        _clients.Add(client);
        return client;
    }

    public HubSpotOAuthClient OAuthClient() => new(Http, Host.ClientId, Host.ClientSecret, new Uri(Host.BaseUrl), Time);

    /// <summary>Requests the sandbox answered (or dropped, status 0) whose "METHOD /route" contains <paramref name="route"/>.</summary>
    public async Task<long> CountAsync(string route, int? status = null)
    {
        var counters = await Admin.GetFromJsonAsync<JsonObject>("/_sandbox/counters");
        return counters!["results"]!.AsArray()
            .Where(c => c!["route"]!.GetValue<string>().Contains(route, StringComparison.Ordinal)
                && (status is null || c["status"]!.GetValue<int>() == status))
            .Sum(c => c!["count"]!.GetValue<long>());
    }

    public async Task<int> RecordCountAsync(string objectType)
    {
        var portal = await Admin.GetFromJsonAsync<JsonObject>($"/_sandbox/portals/{Portal.PortalId}");
        return portal!["records"]![objectType]!.GetValue<int>();
    }

    public async Task AddFaultAsync(object rule)
    {
        using var response = await Admin.PostAsJsonAsync("/_sandbox/faults", rule);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Answers one list and one search call with a throwaway client, then forgets them: the sandbox's first
    /// answers wait for start-up work that compressed time would turn into seconds of simulated delay,
    /// bunching up paced calls. Also moves the clock past the rate-limit windows the warm-up used.
    /// </summary>
    public async Task WarmUpAsync()
    {
        using (var warmUp = new HubSpotClient(Http, HubSpotAuthentication.PrivateApp(Portal.AccessToken), new HubSpotClientOptions { BaseUrl = new Uri(Host.BaseUrl) }, Time))
        {
            await warmUp.Crm.ListPageAsync("contacts", new Abm.HubSpot.Crm.CrmReadOptions { PageSize = 1 });
            await warmUp.Search.SearchAsync("contacts", new Abm.HubSpot.Search.CrmSearchRequest { Limit = 1 });
        }

        Host.Clock.Advance(TimeSpan.FromSeconds(11));
        await ClearCountersAsync();
    }

    public async Task ClearCountersAsync()
    {
        using var response = await Admin.DeleteAsync("/_sandbox/counters");
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        Http.Dispose();
        Admin.Dispose();
        await Host.DisposeAsync();
    }
}
