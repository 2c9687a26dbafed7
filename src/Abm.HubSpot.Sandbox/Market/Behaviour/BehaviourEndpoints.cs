using Abm.HubSpot.Sandbox.Market.Sink;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>Admin routes of the behaviour simulation and its event sink, beside the other market routes under <c>/_sandbox/</c>.</summary>
internal static class BehaviourEndpoints
{
    public static IServiceCollection AddBehaviourSimulation(this IServiceCollection services)
    {
        services.AddSingleton<EventSinkRegistry>();
        services.AddSingleton<BuyerActions>();
        services.AddSingleton<BehaviourEngine>();
        services.AddHostedService<BehaviourTicker>();
        services.AddHostedService<EventSinkDispatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapBehaviourEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/_sandbox/behaviour/advance", BehaviourHandlers.AdvanceAsync);
        var portal = app.MapGroup("/_sandbox/portals/{portalId:long}");
        portal.MapGet("/behaviour", BehaviourHandlers.Summary);
        portal.MapGet("/behaviour/events", BehaviourHandlers.Events);
        portal.MapGet("/behaviour/sends", BehaviourHandlers.Sends);
        portal.MapGet("/event-sink", EventSinkHandlers.Get);
        portal.MapPut("/event-sink", EventSinkHandlers.SetAsync);
        portal.MapDelete("/event-sink", EventSinkHandlers.Remove);
        return app;
    }
}
