using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Abm.Server.Errors;

/// <summary>
/// The last resort: anything no other handler took becomes a bare 500 whose body carries a trace id, and the one
/// log line with the exception carries the same id, so a user's report leads straight to the stack trace.
/// </summary>
internal sealed partial class UnexpectedErrorHandler(IProblemDetailsService problems, ILogger<UnexpectedErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var traceId = TraceId(httpContext);
        LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path, traceId);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "Quote the traceId when reporting this; the server's log has the details under it.",
                Extensions = { ["traceId"] = traceId },
            },
        });
    }

    /// <summary>The id the problem details writer would use (the W3C trace when there is one), so body and log agree.</summary>
    public static string TraceId(HttpContext httpContext) => Activity.Current?.Id ?? httpContext.TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path} (traceId {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path, string traceId);
}
