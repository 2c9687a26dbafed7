using System.Globalization;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Webhooks;

internal sealed record SubscriptionResponse(string Id, string EventType, string? PropertyName, bool Active, string CreatedAt, string UpdatedAt)
{
    public static SubscriptionResponse Of(WebhookSubscription s) => new(
        s.Id.ToString(CultureInfo.InvariantCulture), s.EventType, s.PropertyName, s.Active, HubSpotTime.Format(s.CreatedAt), HubSpotTime.Format(s.UpdatedAt));
}

/// <summary>Create, list, toggle and delete the app's event subscriptions.</summary>
internal static class WebhookSubscriptionHandlers
{
    public static IResult List(WebhookStore store) =>
        SandboxJson.Json(new { results = store.Subscriptions.Select(SubscriptionResponse.Of) });

    public static IResult Get(long subscriptionId, WebhookStore store) =>
        store.Subscriptions.FirstOrDefault(s => s.Id == subscriptionId) is { } subscription
            ? SandboxJson.Json(SubscriptionResponse.Of(subscription))
            : NotFound(subscriptionId);

    public static async Task<IResult> CreateAsync(HttpRequest request, WebhookStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var eventType = JsonBody.StringOf(body["eventType"]) ?? "";
        var propertyName = JsonBody.StringOf(body["propertyName"]);
        if (!WebhookSubscription.KnownEventTypes.Contains(eventType))
        {
            return HubSpotErrors.Validation($"Unknown eventType '{eventType}'");
        }

        if (eventType.EndsWith(".propertyChange", StringComparison.Ordinal) == string.IsNullOrEmpty(propertyName))
        {
            return HubSpotErrors.Validation("propertyName is required for propertyChange subscriptions and only for them");
        }

        var active = JsonBody.StringOf(body["active"]) != "false";
        return store.Add(eventType, propertyName, active, clock.GetUtcNow()) is { } created
            ? SandboxJson.Json(SubscriptionResponse.Of(created), StatusCodes.Status201Created)
            : HubSpotErrors.Conflict($"A subscription for {eventType} {propertyName} already exists");
    }

    public static async Task<IResult> UpdateAsync(long subscriptionId, HttpRequest request, WebhookStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        return store.SetActive(subscriptionId, JsonBody.StringOf(body["active"]) == "true", clock.GetUtcNow()) is { } updated
            ? SandboxJson.Json(SubscriptionResponse.Of(updated))
            : NotFound(subscriptionId);
    }

    public static async Task<IResult> BatchUpdateAsync(HttpRequest request, WebhookStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (batch, error) = await Crm.BatchRequest.ReadAsync(request, cancellationToken);
        if (batch is null)
        {
            return error!;
        }

        var results = new List<SubscriptionResponse>();
        var errors = new List<HubSpotError>();
        foreach (var input in batch.Inputs)
        {
            var id = long.TryParse(JsonBody.StringOf(input?["id"]), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
            if (store.SetActive(id, JsonBody.StringOf(input?["active"]) == "true", clock.GetUtcNow()) is { } updated)
            {
                results.Add(SubscriptionResponse.Of(updated));
            }
            else
            {
                errors.Add(NotFound(id));
            }
        }

        return BatchResult.Respond(clock.GetUtcNow(), results, errors, StatusCodes.Status200OK);
    }

    public static IResult Delete(long subscriptionId, WebhookStore store) =>
        store.Remove(subscriptionId) ? Results.NoContent() : NotFound(subscriptionId);

    private static HubSpotError NotFound(long id) => HubSpotErrors.NotFound($"No subscription {id}");
}
