using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Webhooks;

namespace Abm.HubSpot.Sandbox.Admin;

/// <summary>Webhook delivery log and the optional duplicate/reorder misbehaviour.</summary>
internal static class AdminWebhookHandlers
{
    public static IResult Deliveries(WebhookDeliveryLog log) => SandboxJson.Json(new { results = log.Snapshot() });

    public static IResult Chaos(WebhookDeliveryQueue queue) => SandboxJson.Json(queue.Chaos);

    public static async Task<IResult> SetChaosAsync(HttpRequest request, WebhookDeliveryQueue queue, CancellationToken cancellationToken)
    {
        var (chaos, error) = await AdminBody.ReadAsync<WebhookChaos>(request, cancellationToken);
        if (chaos is null)
        {
            return error!;
        }

        if (chaos.DuplicateRate is < 0 or > 1)
        {
            return HubSpotErrors.Validation("duplicateRate must be between 0 and 1");
        }

        queue.Chaos = chaos;
        return SandboxJson.Json(chaos);
    }
}
