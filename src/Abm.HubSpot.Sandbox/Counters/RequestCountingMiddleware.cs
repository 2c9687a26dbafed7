using Abm.HubSpot.Sandbox.Auth;

namespace Abm.HubSpot.Sandbox.Counters;

/// <summary>
/// Outermost middleware: records the final status of every request except the admin API's own.
/// Requests the fault injector dropped or timed out are recorded with status 0.
/// </summary>
internal sealed class RequestCountingMiddleware(RequestDelegate next, RequestCounters counters)
{
    public const string NoAnswerItem = "sandbox.no-answer";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Request.Path.StartsWithSegments("/_sandbox", StringComparison.Ordinal))
            {
                var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimEnd('/') ?? "(unmatched)";
                var status = context.Items.ContainsKey(NoAnswerItem) || context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode;
                counters.Record(context.Features.Get<Caller>()?.Portal.PortalId, $"{context.Request.Method} {pattern}", status, context.Connection.Id);
            }
        }
    }
}
