using Abm.HubSpot.Sandbox.Admin;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Market.Sink;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>Sets, shows (never the key) and removes a portal's event sink.</summary>
internal static class EventSinkHandlers
{
    public static IResult Get(long portalId, PortalRegistry portals, EventSinkRegistry sinks)
    {
        if (portals.Find(portalId) is null)
        {
            return HubSpotErrors.NotFound($"No portal {portalId}");
        }

        return sinks.Find(portalId) is { } sink ? SandboxJson.Json(Status(sink)) : HubSpotErrors.NotFound($"Portal {portalId} has no event sink");
    }

    public static async Task<IResult> SetAsync(long portalId, HttpRequest request, PortalRegistry portals, EventSinkRegistry sinks, CancellationToken cancellationToken)
    {
        var (settings, error) = await AdminBody.ReadAsync<EventSinkSettings>(request, cancellationToken);
        if (settings is null)
        {
            return error!;
        }

        if (portals.Find(portalId) is null)
        {
            return HubSpotErrors.NotFound($"No portal {portalId}");
        }

        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || string.IsNullOrWhiteSpace(settings.ApiKey) || settings.BatchSize is < 1 or > 1000)
        {
            return HubSpotErrors.Validation("url (ABM Engine's http or https base URL) and apiKey are required; batchSize is 1..1000");
        }

        return SandboxJson.Json(Status(sinks.Set(portalId, settings)));
    }

    public static IResult Remove(long portalId, EventSinkRegistry sinks) =>
        sinks.Remove(portalId) ? Results.NoContent() : HubSpotErrors.NotFound($"Portal {portalId} has no event sink");

    private static object Status(EventSink sink) => new
    {
        url = sink.Settings.Url,
        batchSize = sink.Settings.BatchSize,
        waiting = sink.Waiting,
        accepted = Interlocked.Read(ref sink.Accepted),
        duplicates = Interlocked.Read(ref sink.Duplicates),
        rejected = Interlocked.Read(ref sink.Rejected),
        dropped = Interlocked.Read(ref sink.Dropped),
        failedAttempts = Interlocked.Read(ref sink.FailedAttempts),
        lastError = sink.LastError,
        recentRejections = sink.RecentRejections,
    };
}
