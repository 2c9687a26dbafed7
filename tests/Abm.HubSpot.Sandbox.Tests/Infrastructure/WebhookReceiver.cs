using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Abm.HubSpot.Sandbox.Tests.Infrastructure;

internal sealed record ReceivedRequest(string Uri, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>A real HTTP endpoint on loopback that records the webhook requests the sandbox sends.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Status to answer for the n-th request (0-based); 200 unless told otherwise.</summary>
    public Func<int, int> StatusFor { get; set; } = _ => 200;

    /// <summary>Delay before answering the n-th request.</summary>
    public Func<int, TimeSpan> DelayFor { get; set; } = _ => TimeSpan.Zero;

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hubspot/webhooks", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hubspot/webhooks?source=hubspot";
        return receiver;
    }

    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(Func<IReadOnlyList<ReceivedRequest>, bool> done, int timeoutMs = 5000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 10)
        {
            if (done(Requests))
            {
                return Requests;
            }

            await Task.Delay(10);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        await Task.Delay(DelayFor(index));
        var uri = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}";
        _requests.Enqueue(new ReceivedRequest(uri, body, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        return Results.StatusCode(StatusFor(index));
    }
}
