using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.RateLimits;

namespace Abm.HubSpot.Sandbox.Faults;

/// <summary>The bodies HubSpot sends with the statuses the fault injector can produce.</summary>
internal static class InjectedErrors
{
    public static IResult For(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests => RateLimitError.TenSecondly,
        StatusCodes.Status423Locked => new HubSpotError(status, "LOCKED", "The resource is locked by another bulk operation; retry in a few seconds."),
        StatusCodes.Status502BadGateway => new HubSpotError(status, "BAD_GATEWAY", "Bad Gateway"),
        StatusCodes.Status503ServiceUnavailable => new HubSpotError(status, "SERVICE_UNAVAILABLE", "Service Unavailable"),
        StatusCodes.Status504GatewayTimeout => new HubSpotError(status, "GATEWAY_TIMEOUT", "Gateway Timeout"),
        _ => new HubSpotError(status, status >= 500 ? "INTERNAL_ERROR" : "VALIDATION_ERROR", status >= 500 ? "internal error" : "injected error"),
    };
}
