using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Abm.HubSpot.Sandbox.Tests.Infrastructure;

/// <summary>
/// A real HTTP endpoint on loopback standing in for ABM Engine's event intake: it lists content with ids for
/// the catalogue's external ids, and records what arrives at <c>/api/events</c> and <c>/t/collect</c>.
/// </summary>
internal sealed class AbmEventReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _events = new();
    private readonly ConcurrentQueue<ReceivedRequest> _collected = new();
    private readonly IReadOnlyList<string> _externalIds;
    private int _eventCalls;

    private AbmEventReceiver(WebApplication app, IReadOnlyList<string> externalIds)
    {
        _app = app;
        _externalIds = externalIds;
    }

    /// <summary>Status to answer the n-th events request (0-based); 200 unless told otherwise.</summary>
    public Func<int, int> EventsStatusFor { get; set; } = _ => 200;

    public string Url { get; private set; } = "";

    /// <summary>Events requests that were answered 200, i.e. stored.</summary>
    public IReadOnlyList<ReceivedRequest> StoredBatches => _events.Where(r => r.Headers["x-answered"] == "200").ToList();

    public IReadOnlyList<ReceivedRequest> EventRequests => _events.ToList();

    public IReadOnlyList<ReceivedRequest> Collected => _collected.ToList();

    /// <summary>The id ABM Engine would have given the item with this external id.</summary>
    public static Guid ContentIdOf(string externalId) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(externalId))[..16]);

    public static async Task<AbmEventReceiver> StartAsync(IReadOnlyList<string> externalIds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new AbmEventReceiver(app, externalIds);
        app.MapGet("/api/content", receiver.Content);
        app.MapPost("/api/events", receiver.EventsAsync);
        app.MapPost("/t/collect", receiver.CollectAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return receiver;
    }

    public static async Task WaitForAsync(Func<bool> done, int timeoutMs = 10_000)
    {
        for (var waited = 0; waited < timeoutMs && !done(); waited += 20)
        {
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Content(int limit, int offset) => Results.Json(new
    {
        items = _externalIds.Skip(offset).Take(limit).Select(id => new { id = ContentIdOf(id), externalId = id }),
        total = _externalIds.Count,
        limit,
        offset,
    });

    private async Task<IResult> EventsAsync(HttpRequest request)
    {
        var status = EventsStatusFor(Interlocked.Increment(ref _eventCalls) - 1);
        var received = await ReadAsync(request, status);
        _events.Enqueue(received);
        if (status != 200)
        {
            return Results.StatusCode(status);
        }

        var count = JsonNode.Parse(received.Body)!["events"]!.AsArray().Count;
        return Results.Json(new { accepted = count, duplicates = 0, rejected = 0, results = Array.Empty<object>() });
    }

    private async Task<IResult> CollectAsync(HttpRequest request)
    {
        _collected.Enqueue(await ReadAsync(request, 204));
        return Results.NoContent();
    }

    private static async Task<ReceivedRequest> ReadAsync(HttpRequest request, int answered)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        headers["x-answered"] = answered.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ReceivedRequest($"{request.Path}", body, headers);
    }
}
