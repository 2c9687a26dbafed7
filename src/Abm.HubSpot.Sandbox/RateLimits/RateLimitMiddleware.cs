using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;

namespace Abm.HubSpot.Sandbox.RateLimits;

/// <summary>Applies the portal's limits to every portal API call and writes HubSpot's rate-limit headers.</summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, RateLimitLedger ledger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<PortalApiMetadata>();
        if (metadata is null)
        {
            await next(context);
            return;
        }

        var caller = Caller.Of(context);
        if (metadata.IsSearch)
        {
            if (ledger.AcquireSearch(caller).Outcome != RateLimitOutcome.Allowed)
            {
                await RateLimitError.Secondly.ExecuteAsync(context);
                return;
            }

            await next(context);
            return;
        }

        var decision = ledger.Acquire(caller);
        WriteHeaders(context.Response.Headers, decision);
        switch (decision.Outcome)
        {
            case RateLimitOutcome.DailyExceeded:
                await RateLimitError.Daily.ExecuteAsync(context);
                return;
            case RateLimitOutcome.TenSecondlyExceeded:
                await RateLimitError.TenSecondly.ExecuteAsync(context);
                return;
            default:
                await next(context);
                return;
        }
    }

    private static void WriteHeaders(IHeaderDictionary headers, RateLimitDecision decision)
    {
        headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = RateLimitPolicy.IntervalMilliseconds.ToString(CultureInfo.InvariantCulture);
        headers["X-HubSpot-RateLimit-Max"] = decision.Policy.BurstPer10Seconds.ToString(CultureInfo.InvariantCulture);
        headers["X-HubSpot-RateLimit-Remaining"] = decision.BurstRemaining.ToString(CultureInfo.InvariantCulture);
        if (decision.Policy.Daily is { } daily)
        {
            // OAuth calls carry no daily headers, as in HubSpot.
            headers["X-HubSpot-RateLimit-Daily"] = daily.ToString(CultureInfo.InvariantCulture);
            headers["X-HubSpot-RateLimit-Daily-Remaining"] = Math.Max(0, decision.DailyRemaining ?? 0).ToString(CultureInfo.InvariantCulture);
        }
    }
}
