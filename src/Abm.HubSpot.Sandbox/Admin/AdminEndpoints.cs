namespace Abm.HubSpot.Sandbox.Admin;

/// <summary>
/// The sandbox's own control API. Everything lives under <c>/_sandbox/</c>, a prefix HubSpot never uses,
/// and needs no token: it is for tests, benchmarks and the demo on the same machine.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_sandbox");
        admin.MapGet("/app", AdminPortalHandlers.App);
        admin.MapGet("/portals", AdminPortalHandlers.List);
        admin.MapPost("/portals", AdminPortalHandlers.CreateAsync);
        admin.MapGet("/portals/{portalId:long}", AdminPortalHandlers.Get);
        admin.MapPost("/portals/{portalId:long}/reseed", AdminPortalHandlers.ReseedAsync);
        admin.MapGet("/portals/{portalId:long}/transactional-emails", AdminPortalHandlers.TransactionalEmails);
        admin.MapGet("/portals/{portalId:long}/marketing-emails/sends", AdminPortalHandlers.MarketingSends);
        admin.MapPost("/reset", AdminPortalHandlers.Reset);
        admin.MapGet("/faults", AdminFaultHandlers.List);
        admin.MapPost("/faults", AdminFaultHandlers.AddAsync);
        admin.MapDelete("/faults/{id}", AdminFaultHandlers.Remove);
        admin.MapDelete("/faults", AdminFaultHandlers.Clear);
        admin.MapGet("/counters", AdminFaultHandlers.Counters);
        admin.MapGet("/counters/writes", AdminFaultHandlers.RecordWrites);
        admin.MapDelete("/counters", AdminFaultHandlers.ClearCounters);
        admin.MapGet("/webhooks/deliveries", AdminWebhookHandlers.Deliveries);
        admin.MapGet("/webhooks/chaos", AdminWebhookHandlers.Chaos);
        admin.MapPut("/webhooks/chaos", AdminWebhookHandlers.SetChaosAsync);
        admin.MapGet("/clock", AdminClockHandlers.Get);
        admin.MapPut("/clock", AdminClockHandlers.SetAsync);
        admin.MapPost("/clock/advance", AdminClockHandlers.AdvanceAsync);
        return app;
    }
}
