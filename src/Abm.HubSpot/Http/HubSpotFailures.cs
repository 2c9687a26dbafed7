using System.Net;
using Polly.Timeout;

namespace Abm.HubSpot;

/// <summary>Turns HubSpot's answers into the right exception and decides which failures are worth retrying.</summary>
internal static class HubSpotFailures
{
    /// <summary>HubSpot's "migration in progress" status; it comes with a Retry-After.</summary>
    public const HttpStatusCode MigrationInProgress = (HttpStatusCode)477;

    public static HubSpotApiException ToException(HubSpotErrorDetails details) => details switch
    {
        { StatusCode: HttpStatusCode.Unauthorized, Category: not HubSpotErrorDetails.ExpiredAuthentication } => new HubSpotAuthenticationException(details),
        { StatusCode: HttpStatusCode.TooManyRequests, PolicyName: HubSpotErrorDetails.DailyPolicy } => new HubSpotDailyLimitException(details),
        _ => new HubSpotApiException(details),
    };

    public static bool IsTransient(Exception exception) => exception switch
    {
        HubSpotDailyLimitException or HubSpotAuthenticationException => false,
        HubSpotApiException api => IsTransient(api.StatusCode),
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    public static bool IsRateLimited(Exception exception) =>
        exception is HubSpotApiException { StatusCode: HttpStatusCode.TooManyRequests } and not HubSpotDailyLimitException;

    private static bool IsTransient(HttpStatusCode status) => status switch
    {
        0 => true,
        HttpStatusCode.TooManyRequests or HttpStatusCode.Locked or HttpStatusCode.RequestTimeout or MigrationInProgress => true,
        >= HttpStatusCode.InternalServerError => true,
        _ => false,
    };
}
