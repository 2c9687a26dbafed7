using System.Globalization;
using Abm.Server.Features.Webhooks;

namespace Abm.Server.Features.Demo;

/// <summary>
/// Lets the sandbox's buyers reach the demo server as they act: visits and downloads through the sandbox's event sink
/// (to the event API, with a marketer key of the demo workspace), CRM changes as signed webhooks (to the webhook
/// receiver), and the sandbox clock set running at the demo's pace.
/// </summary>
internal static class DemoLiveActivity
{
    private static readonly (string EventType, string? Property)[] Subscriptions =
    [
        ("contact.creation", null), ("contact.propertyChange", "lifecyclestage"), ("company.propertyChange", "lifecyclestage"),
        ("deal.creation", null), ("deal.propertyChange", "dealstage"),
    ];

    /// <summary>Points the sandbox's event sink and webhooks at this server, then lets the sandbox clock run.</summary>
    public static async Task ConnectAsync(HttpClient sandbox, IConfiguration configuration, Uri address, string sinkKey, CancellationToken cancellationToken)
    {
        var portalId = configuration["HUBSPOT_PORTAL_ID"];
        await CheckAsync(await sandbox.PutAsJsonAsync($"/_sandbox/portals/{portalId}/event-sink",
            new { url = address.ToString().TrimEnd('/'), apiKey = sinkKey, batchSize = 500 }, cancellationToken), "event sink");

        var developer = $"?hapikey={configuration["Demo:DeveloperApiKey"]}";
        var app = $"/webhooks/v3/{configuration["Demo:AppId"]}";
        await CheckAsync(await sandbox.PutAsJsonAsync($"{app}/settings{developer}", new { targetUrl = new Uri(address, WebhookEndpoints.Route).ToString() }, cancellationToken), "webhook settings");
        var existing = await sandbox.GetFromJsonAsync<System.Text.Json.JsonElement>($"{app}/subscriptions{developer}", cancellationToken);
        if (existing.GetProperty("results").GetArrayLength() == 0)
        {
            foreach (var (eventType, property) in Subscriptions)
            {
                await CheckAsync(await sandbox.PostAsJsonAsync($"{app}/subscriptions{developer}", new { eventType, propertyName = property, active = true }, cancellationToken), "webhook subscription");
            }
        }

        var speed = double.Parse(configuration["Demo:ClockSpeed"] ?? "1", CultureInfo.InvariantCulture);
        await CheckAsync(await sandbox.PutAsJsonAsync("/_sandbox/clock", new { speed }, cancellationToken), "sandbox clock");
    }

    private static async Task CheckAsync(HttpResponseMessage response, string what)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The sandbox refused the {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}
