using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Observability;

/// <summary>
/// Posts alert messages to a Slack-compatible incoming webhook (<c>{"text": ...}</c>) when one is configured.
/// A receiver that is down costs a log line, never the monitor; the URL, which carries its own secret, is never logged.
/// </summary>
internal sealed partial class AlertNotifier(IHttpClientFactory http, IOptions<AlertOptions> options, ILogger<AlertNotifier> logger)
{
    public const string HttpClientName = "alerts";

    public async Task PostAsync(string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.WebhookUrl))
        {
            return;
        }

        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(options.Value.WebhookUrl, new { text }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused((int)response.StatusCode);
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(error.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert webhook answered {Status}; the alert is still logged and listed at /api/alerts")]
    private partial void LogRefused(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert webhook could not be reached ({Failure}); the alert is still logged and listed at /api/alerts")]
    private partial void LogUnreachable(string failure);
}
