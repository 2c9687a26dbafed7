using System.Text;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Counters;

namespace Abm.HubSpot.Sandbox.Faults;

/// <summary>Applies the fault rules to HubSpot API requests (never to the admin API).</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultSettings faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_sandbox", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var portalId = context.Features.Get<Caller>()?.Portal.PortalId;
        var decision = faults.Decide(portalId, context.Request.Method, context.Request.Path.Value ?? "/");
        if (decision.Latency > TimeSpan.Zero)
        {
            await Task.Delay(decision.Latency, context.RequestAborted);
        }

        switch (decision.Kind)
        {
            case FaultKind.Error:
                await InjectedErrors.For(decision.ErrorStatus).ExecuteAsync(context);
                return;
            case FaultKind.Timeout:
                context.Items[RequestCountingMiddleware.NoAnswerItem] = true;
                await Task.Delay(decision.TimeoutAfter, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Abort();
                return;
            case FaultKind.Drop:
                context.Items[RequestCountingMiddleware.NoAnswerItem] = true;
                context.Abort();
                return;
            case FaultKind.Truncate or FaultKind.Malformed:
                await MangleAsync(context, decision.Kind);
                return;
            default:
                await next(context);
                return;
        }
    }

    // Runs the real request into a buffer, then sends a cut or corrupted copy of its body.
    private async Task MangleAsync(HttpContext context, FaultKind kind)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        var mangled = kind == FaultKind.Truncate
            ? body[..(body.Length / 2)]
            : [.. body[..(body.Length / 2)], .. Encoding.UTF8.GetBytes("}{\"<malformed"), .. body[(body.Length / 2)..]];
        context.Response.ContentLength = mangled.Length;
        await original.WriteAsync(mangled, context.RequestAborted);
    }
}
