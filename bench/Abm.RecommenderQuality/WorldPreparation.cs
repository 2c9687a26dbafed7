using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Abm.RecommenderQuality;

/// <summary>
/// Brings the server to where a real deployment would be after the simulated days, through its own doors only:
/// the catalogue through the content import, the CRM through full syncs, the buyers' visits, downloads and forms
/// through the sandbox's event sink into the event API, and scores, stages and content performance through the
/// nightly pass.
/// </summary>
internal sealed class WorldPreparation(QualityWorld world, AbmUnderTest abm, HttpClient api, QualityTimings timings, TextWriter log)
{
    private static readonly TimeSpan SinkDrainLimit = TimeSpan.FromMinutes(10);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await timings.MeasureAsync("import catalogue", () => ImportCatalogueAsync(cancellationToken));
        // Contacts must be known before their events arrive: the event API refuses events of unknown contacts.
        await timings.MeasureAsync("first full sync", () => SyncAsync(cancellationToken));
        await SetEventSinkAsync(cancellationToken);
        await timings.MeasureAsync($"{world.Options.Days} simulated days", () => LiveDaysAsync(cancellationToken));
        await timings.MeasureAsync("event delivery", () => DrainEventSinkAsync(cancellationToken));
        // Meetings, deals, lifecycle stages and email activity of those days come in through HubSpot.
        await timings.MeasureAsync("second full sync", () => SyncAsync(cancellationToken));
        await timings.MeasureAsync("nightly pass", () => SettleScoringAsync(cancellationToken));
    }

    private async Task ImportCatalogueAsync(CancellationToken cancellationToken)
    {
        var csv = await world.Admin.GetStringAsync($"/_sandbox/portals/{world.PortalId}/market/content?format=csv", cancellationToken);
        using var response = await api.PostAsync("/api/content/import", new StringContent(csv, Encoding.UTF8, "text/csv"), cancellationToken);
        var report = await ReadSuccessAsync(response, "content import", cancellationToken);
        log.WriteLine($"catalogue imported: {report.GetProperty("created").GetInt32()} items created, {report.GetProperty("rejected").GetInt32()} rejected");
    }

    /// <summary>A sync of the kind asked (<c>full</c> or <c>incremental</c>) through the API, waited for.</summary>
    internal async Task SyncAsync(CancellationToken cancellationToken, string kind = "full")
    {
        using var queued = await api.PostAsJsonAsync("/api/sync", new Dictionary<string, object?> { ["sync_type"] = kind }, cancellationToken);
        var id = (await ReadSuccessAsync(queued, "sync request", cancellationToken)).GetProperty("id").GetGuid();
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            var run = await api.GetFromJsonAsync<JsonElement>($"/api/sync/runs/{id}", cancellationToken);
            var status = run.GetProperty("status").GetString();
            if (status is SyncRunStatus.Queued or SyncRunStatus.Running)
            {
                continue;
            }

            if (status != SyncRunStatus.Succeeded)
            {
                throw new InvalidOperationException($"The sync ended {status}: {run}");
            }

            log.WriteLine($"{kind} sync: {run.GetProperty("records").GetInt32()} records");
            return;
        }
    }

    private async Task SetEventSinkAsync(CancellationToken cancellationToken)
    {
        using var response = await world.Admin.PutAsJsonAsync($"/_sandbox/portals/{world.PortalId}/event-sink",
            new { url = abm.BaseUrl.ToString().TrimEnd('/'), apiKey = abm.ApiKey, batchSize = 1000 }, cancellationToken);
        await ReadSuccessAsync(response, "event sink", cancellationToken);
    }

    /// <summary>One day at a time, so the sink delivers while the next day is simulated.</summary>
    private async Task LiveDaysAsync(CancellationToken cancellationToken)
    {
        for (var day = 0; day < world.Options.Days; day++)
        {
            using var response = await world.Admin.PostAsJsonAsync("/_sandbox/behaviour/advance", new { days = 1 }, cancellationToken);
            await ReadSuccessAsync(response, "behaviour advance", cancellationToken);
        }
    }

    internal async Task DrainEventSinkAsync(CancellationToken cancellationToken)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            var sink = await world.Admin.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{world.PortalId}/event-sink", cancellationToken);
            if (sink.GetProperty("waiting").GetInt32() == 0)
            {
                log.WriteLine($"events delivered: {sink.GetProperty("accepted").GetInt64()} accepted, {sink.GetProperty("rejected").GetInt64()} rejected, {sink.GetProperty("dropped").GetInt64()} dropped");
                return;
            }

            if (limit.Elapsed > SinkDrainLimit)
            {
                throw new TimeoutException($"The event sink still had events waiting after {SinkDrainLimit}: {sink}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>
    /// Runs the nightly pass: every contact's score, stage, persona and format preference and every item's
    /// performance from the complete history, so the result does not depend on how far the background worker had
    /// got. The pass takes the workspace's recompute lock, so it waits for a recompute in progress; one still queued
    /// after it recomputes from the same history and changes nothing the recommender reads.
    /// </summary>
    internal Task SettleScoringAsync(CancellationToken cancellationToken) =>
        abm.Services.GetServices<IHostedService>().OfType<NightlyScoringWorker>().Single().RunOnceAsync(cancellationToken);

    internal static async Task<JsonElement> ReadSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The {what} answered {(int)response.StatusCode}: {body}");
        }

        return body.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(body);
    }
}
