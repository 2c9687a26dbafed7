namespace Abm.HubSpot.Sandbox.Http;

/// <summary>
/// Keeps every failure HubSpot-shaped: an unexpected exception becomes HubSpot's 500 body, and bodiless
/// 404/405/415 answers from routing get HubSpot's error body instead of an empty or ASP.NET one.
/// </summary>
internal sealed partial class HubSpotErrorMiddleware(RequestDelegate next, ILogger<HubSpotErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // Malformed requests Kestrel itself rejects (bad form bodies, oversized payloads).
            await new HubSpotError(exception.StatusCode, "VALIDATION_ERROR", exception.Message).ExecuteAsync(context);
            return;
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted)
            {
                throw;
            }

            context.Response.Clear();
            await new HubSpotError(StatusCodes.Status500InternalServerError, "INTERNAL_ERROR", "internal error").ExecuteAsync(context);
            return;
        }

        if (context.Response.HasStarted || context.Response.ContentLength > 0 || context.Response.ContentType is not null)
        {
            return;
        }

        var error = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => HubSpotErrors.NotFound($"Unable to find a route for {context.Request.Method} {context.Request.Path}"),
            StatusCodes.Status405MethodNotAllowed => new HubSpotError(StatusCodes.Status405MethodNotAllowed, "VALIDATION_ERROR", $"HTTP method {context.Request.Method} is not supported by this URL"),
            StatusCodes.Status415UnsupportedMediaType => new HubSpotError(StatusCodes.Status415UnsupportedMediaType, "VALIDATION_ERROR", "Unsupported media type"),
            _ => null,
        };
        if (error is not null)
        {
            await error.ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
