using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Observability;

/// <summary>
/// Posts alert messages to the alerts' Slack-compatible incoming webhook when one is configured. An alert whose post
/// fails is still logged and listed at /api/alerts.
/// </summary>
internal sealed class AlertNotifier(SlackWebhookPoster poster, IOptions<AlertOptions> options)
{
    public Task PostAsync(string text, CancellationToken cancellationToken) => poster.PostAsync(options.Value.WebhookUrl, "alert", text, cancellationToken);
}
