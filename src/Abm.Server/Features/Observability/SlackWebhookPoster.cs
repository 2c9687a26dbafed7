namespace Abm.Server.Features.Observability;

/// <summary>
/// Posts a message to a Slack-compatible incoming webhook (<c>{"text": ...}</c>): the alerts' and the lead
/// notifications' one way out. A receiver that is down costs a log line, never the caller; the URL, which carries
/// its own secret, is never logged.
/// </summary>
internal sealed partial class SlackWebhookPoster(IHttpClientFactory http, ILogger<SlackWebhookPoster> logger)
{
    public const string HttpClientName = "slack-webhooks";

    /// <summary>Posts <paramref name="text"/> when <paramref name="url"/> is set; <paramref name="purpose"/> names the webhook in the log.</summary>
    public async Task PostAsync(string? url, string purpose, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(url, new { text }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(purpose, (int)response.StatusCode);
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(purpose, error.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Purpose} webhook answered {Status}; the message is not delivered")]
    private partial void LogRefused(string purpose, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Purpose} webhook could not be reached ({Failure}); the message is not delivered")]
    private partial void LogUnreachable(string purpose, string failure);
}
