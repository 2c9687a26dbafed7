using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>
/// The webhooks API of the app, under <c>/webhooks/v3/{appId}</c>. It is authenticated by the developer
/// API key in the <c>hapikey</c> query parameter, as the official client sends it.
/// </summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/v3/{appId}").AddEndpointFilter(RequireDeveloperKeyAsync);
        group.MapGet("/settings", WebhookSettingsHandlers.Get);
        group.MapPut("/settings", WebhookSettingsHandlers.PutAsync);
        group.MapDelete("/settings", WebhookSettingsHandlers.Delete);
        group.MapGet("/subscriptions", WebhookSubscriptionHandlers.List);
        group.MapPost("/subscriptions", WebhookSubscriptionHandlers.CreateAsync);
        group.MapPost("/subscriptions/batch/update", WebhookSubscriptionHandlers.BatchUpdateAsync);
        group.MapGet("/subscriptions/{subscriptionId:long}", WebhookSubscriptionHandlers.Get);
        group.MapPatch("/subscriptions/{subscriptionId:long}", WebhookSubscriptionHandlers.UpdateAsync);
        group.MapDelete("/subscriptions/{subscriptionId:long}", WebhookSubscriptionHandlers.Delete);
        return app;
    }

    private static async ValueTask<object?> RequireDeveloperKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var developerApp = http.RequestServices.GetRequiredService<DeveloperApp>();
        if (!string.Equals(http.Request.Query["hapikey"], developerApp.DeveloperApiKey, StringComparison.Ordinal))
        {
            return HubSpotErrors.Unauthorized("INVALID_AUTHENTICATION", "The API key provided is invalid. View or manage your API key here: https://app.hubspot.com/l/api-key/");
        }

        return http.Request.RouteValues.GetValueOrDefault("appId") as string == developerApp.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? await next(context)
            : HubSpotErrors.NotFound("No app with this id belongs to the developer account");
    }
}
