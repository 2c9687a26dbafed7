using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Webhooks;

internal sealed record ThrottlingResponse(int MaxConcurrentRequests, string Period);

internal sealed record SettingsResponse(string TargetUrl, ThrottlingResponse Throttling, string CreatedAt, string UpdatedAt)
{
    public static SettingsResponse Of(WebhookSettings settings) => new(
        settings.TargetUrl, new ThrottlingResponse(settings.MaxConcurrentRequests, "SECONDLY"),
        HubSpotTime.Format(settings.CreatedAt), HubSpotTime.Format(settings.UpdatedAt));
}

/// <summary>The app's webhook target URL and throttling.</summary>
internal static class WebhookSettingsHandlers
{
    private const int DefaultConcurrency = 10;

    public static IResult Get(WebhookStore store) =>
        store.Settings is { } settings ? SandboxJson.Json(SettingsResponse.Of(settings)) : HubSpotErrors.NotFound("No webhook settings for this app");

    public static async Task<IResult> PutAsync(HttpRequest request, WebhookStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var targetUrl = JsonBody.StringOf(body["targetUrl"]);
        if (!Uri.TryCreate(targetUrl, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            return HubSpotErrors.Validation("targetUrl must be an absolute http(s) URL");
        }

        var concurrency = JsonBody.IntOf(body["throttling"]?["maxConcurrentRequests"]) ?? DefaultConcurrency;
        if (concurrency is < 1 or > 100)
        {
            return HubSpotErrors.Validation("throttling.maxConcurrentRequests must be between 1 and 100");
        }

        return SandboxJson.Json(SettingsResponse.Of(store.PutSettings(targetUrl!, concurrency, clock.GetUtcNow())));
    }

    public static IResult Delete(WebhookStore store) =>
        store.DeleteSettings() ? Results.NoContent() : HubSpotErrors.NotFound("No webhook settings for this app");
}
