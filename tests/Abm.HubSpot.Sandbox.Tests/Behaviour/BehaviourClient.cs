using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Behaviour;

/// <summary>The admin calls the behaviour tests make, over HTTP like every other sandbox test.</summary>
internal static class BehaviourClient
{
    /// <summary>A frozen-clock sandbox whose limits never get in the way of a test that sends to every buyer.</summary>
    public static SandboxOptions Options(int accounts, int seed = 42) => TestSandbox.Options() with
    {
        Seed = seed,
        Portals = [new SandboxPortalOptions { Accounts = accounts, Seed = seed, BurstLimit = 10_000_000, DailyLimit = 100_000_000 }],
    };

    public static async Task<JsonNode> AdvanceAsync(TestSandbox sandbox, double days = 0, double hours = 0)
    {
        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/behaviour/advance", new { days, hours });
        response.IsSuccessStatusCode.ShouldBeTrue(body?.ToJsonString());
        return body!;
    }

    public static async Task<JsonNode> SummaryAsync(TestSandbox sandbox, long? portalId = null) =>
        JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{portalId ?? sandbox.Portal.PortalId}/behaviour"))!;

    public static async Task<JsonNode> SendsAsync(TestSandbox sandbox, long? portalId = null) =>
        JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{portalId ?? sandbox.Portal.PortalId}/behaviour/sends"))!;

    /// <summary>Every site event matching the query, read page by page.</summary>
    public static async Task<List<JsonNode>> SiteEventsAsync(TestSandbox sandbox, string query = "", long? portalId = null)
    {
        var events = new List<JsonNode>();
        while (true)
        {
            var page = JsonNode.Parse(await sandbox.Http.GetStringAsync(
                $"/_sandbox/portals/{portalId ?? sandbox.Portal.PortalId}/behaviour/events?limit=10000&offset={events.Count}&{query}"))!;
            var results = page["results"]!.AsArray();
            events.AddRange(results.Select(r => r!));
            if (results.Count == 0 || events.Count >= page["total"]!.GetValue<int>())
            {
                return events;
            }
        }
    }

    /// <summary>Every marketing email event in a time range, through HubSpot's email events API.</summary>
    public static async Task<List<JsonNode>> EmailEventsAsync(TestSandbox sandbox, DateTimeOffset from, DateTimeOffset to, string query = "", HttpClient? client = null)
    {
        var events = new List<JsonNode>();
        var offset = "0";
        while (true)
        {
            var page = JsonNode.Parse(await (client ?? sandbox.Http).GetStringAsync(
                $"/email/public/v1/events?limit=1000&offset={offset}&startTimestamp={from.ToUnixTimeMilliseconds()}&endTimestamp={to.ToUnixTimeMilliseconds()}&{query}"))!;
            events.AddRange(page["events"]!.AsArray().Select(e => e!));
            if (!page["hasMore"]!.GetValue<bool>())
            {
                return events;
            }

            offset = page["offset"]!.GetValue<string>();
        }
    }
}
