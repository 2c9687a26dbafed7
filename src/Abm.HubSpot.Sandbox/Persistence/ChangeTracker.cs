namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// Whether portal data may have changed since the last save, so that an idle sandbox does not rewrite large portals.
/// Every request that can write marks it; code that changes state without a request (simulations run by the clock)
/// must call <see cref="MarkChanged"/> too.
/// </summary>
internal sealed class ChangeTracker
{
    private int _changed;

    public void MarkChanged() => Interlocked.Exchange(ref _changed, 1);

    /// <summary>True when something changed since the previous call; the next change marks it again.</summary>
    public bool TakeChanged() => Interlocked.Exchange(ref _changed, 0) == 1;
}

/// <summary>
/// Marks the tracker for every request that may write: anything but GET, HEAD and OPTIONS, and but the POSTs that
/// only read (search and batch reads), so that a sync that searches a large portal does not make it save again.
/// </summary>
internal sealed class ChangeTrackingMiddleware(RequestDelegate next, ChangeTracker tracker)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            // Marked after the write, so that a save running meanwhile cannot clear the mark before the write is done.
            if (MayWrite(context.Request))
            {
                tracker.MarkChanged();
            }
        }
    }

    private static bool MayWrite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return false;
        }

        var path = request.Path.Value ?? "";
        return !(HttpMethods.IsPost(request.Method)
            && (path.EndsWith("/search", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/batch/read", StringComparison.OrdinalIgnoreCase)));
    }
}
