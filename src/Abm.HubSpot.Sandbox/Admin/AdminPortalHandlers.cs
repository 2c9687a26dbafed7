using Abm.HubSpot.Sandbox.Counters;
using Abm.HubSpot.Sandbox.Faults;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.RateLimits;
using Abm.HubSpot.Sandbox.Webhooks;

namespace Abm.HubSpot.Sandbox.Admin;

internal sealed record ReseedRequest
{
    public int? Seed { get; init; }

    public int? Accounts { get; init; }
}

internal sealed record PortalSummary(long PortalId, string AccessToken, string Tier, int Seed, int Accounts, string TimeZone, IReadOnlyDictionary<string, int> Records);

/// <summary>App credentials, portals (list, add, reseed) and the global reset.</summary>
internal static class AdminPortalHandlers
{
    public static IResult App(DeveloperApp app) => SandboxJson.Json(app);

    public static IResult List(PortalRegistry portals) => SandboxJson.Json(new { results = portals.All.Select(Summary) });

    public static IResult Get(long portalId, PortalRegistry portals) =>
        portals.Find(portalId) is { } portal ? SandboxJson.Json(Summary(portal)) : HubSpotErrors.NotFound($"No portal {portalId}");

    public static async Task<IResult> CreateAsync(HttpRequest request, PortalRegistry portals, CancellationToken cancellationToken)
    {
        var (options, error) = await AdminBody.ReadAsync<SandboxPortalOptions>(request, cancellationToken);
        if (options is null)
        {
            return error!;
        }

        if (options.Accounts is < 0 or > 100_000 || options.ApiLimitIncreases is < 0 or > 2 || !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            return HubSpotErrors.Validation("accounts must be 0..100000, apiLimitIncreases 0..2 and timeZone a known time zone");
        }

        return SandboxJson.Json(Summary(portals.Add(options)), StatusCodes.Status201Created);
    }

    public static async Task<IResult> ReseedAsync(long portalId, HttpRequest request, PortalRegistry portals, CancellationToken cancellationToken)
    {
        var (reseed, error) = await AdminBody.ReadAsync<ReseedRequest>(request, cancellationToken);
        if (reseed is null)
        {
            return error!;
        }

        if (portals.Find(portalId) is not { } portal)
        {
            return HubSpotErrors.NotFound($"No portal {portalId}");
        }

        portals.Reseed(portal, reseed.Seed, reseed.Accounts);
        return SandboxJson.Json(Summary(portal));
    }

    /// <summary>Every transactional email the portal accepted, oldest first.</summary>
    public static IResult TransactionalEmails(long portalId, PortalRegistry portals) =>
        portals.Find(portalId) is { } portal
            ? SandboxJson.Json(new { results = portal.Read(state => state.TransactionalSends.ToList()) })
            : HubSpotErrors.NotFound($"No portal {portalId}");

    /// <summary>Every marketing single send the portal accepted (a repeated sendId and an unsubscribed recipient are not sends).</summary>
    public static IResult MarketingSends(long portalId, PortalRegistry portals) =>
        portals.Find(portalId) is { } portal
            ? SandboxJson.Json(new { results = portal.Read(state => state.MarketingSends.ToList()) })
            : HubSpotErrors.NotFound($"No portal {portalId}");

    /// <summary>
    /// Back to the start: data regenerated from the seeds, no faults, no counts, fresh rate-limit windows,
    /// no pending webhook deliveries. Webhook settings and subscriptions, like the clock, are kept.
    /// </summary>
    public static IResult Reset(
        PortalRegistry portals, FaultSettings faults, RequestCounters counters, RecordWriteCounts writes, RateLimitLedger ledger, WebhookDeliveryQueue webhooks,
        WebhookDeliveryLog deliveries)
    {
        writes.Clear();
        webhooks.Clear();
        deliveries.Clear();
        portals.ReseedAll();
        faults.Clear();
        counters.Clear();
        ledger.Clear();
        return Results.NoContent();
    }

    private static PortalSummary Summary(Portal portal) => portal.Read(state => new PortalSummary(
        portal.PortalId,
        portal.PrivateAppToken,
        portal.Tier.ToString().ToLowerInvariant(),
        portal.Seed,
        portal.Options.Accounts,
        portal.Options.TimeZone,
        state.Stores.ToDictionary(s => s.Key.Name, s => s.Value.Ordered.Count(r => !r.Archived))));
}
