using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Tests.Sync;

namespace Abm.Server.Tests.HubSpotRecords;

/// <summary>Calls of the /api/hubspot routes and of the sandbox portal behind them, answered as status and JSON.</summary>
internal static class RecordApi
{
    public static readonly Dictionary<string, string> Settings = new()
    {
        // One retry keeps an injected outage short; the answer must still be 503.
        ["HubSpot:Retries:MaxRetryAttempts"] = "1",
    };

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    /// <summary>A record straight from the sandbox portal (not through the server), with the given properties and associations.</summary>
    public static async Task<JsonElement?> PortalRecordAsync(HttpClient hubSpot, string objectType, string id, string properties, string? associations = null)
    {
        var response = await hubSpot.GetAsync($"/crm/v3/objects/{objectType}/{id}?properties={properties}" + (associations is null ? "" : $"&associations={associations}"));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The first few records of a type in the sandbox portal.</summary>
    public static async Task<List<JsonElement>> PortalRecordsAsync(HttpClient hubSpot, string objectType, string properties, int limit = 10) =>
        [.. (await hubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/{objectType}?limit={limit}&properties={properties}")).GetProperty("results").EnumerateArray()];

    public static async Task WithFaultAsync(SyncHarness harness, object rule, Func<Task> body)
    {
        (await harness.HubSpot.PostAsJsonAsync("/_sandbox/faults", rule)).EnsureSuccessStatusCode();
        try
        {
            await body();
        }
        finally
        {
            (await harness.HubSpot.DeleteAsync("/_sandbox/faults")).EnsureSuccessStatusCode();
        }
    }

    public static string Text(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }

        return element.GetString()!;
    }
}
