using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Abm.Server.Errors;

/// <summary>
/// Every error leaves as problem details: validation failures with per-field errors, unreadable JSON with
/// the path of the field that broke it, a JSON body in an unknown charset as 415, and anything unexpected as a
/// bare 500 whose trace id leads to the details in the log.
/// </summary>
internal static class ErrorHandling
{
    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnexpectedErrorHandler>();
        // Binding failures throw, so they reach the handler above instead of leaving as an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static IApplicationBuilder UseErrorHandling(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages().UseMiddleware<UnsupportedCharsetMiddleware>();
}

internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = Describe(badRequest);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = badRequest.StatusCode,
                Title = "The request body could not be read.",
            },
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception) => exception.InnerException switch
    {
        // Conversion failures name the field; syntax errors (truncated, unquoted...) are about the body as a whole.
        JsonException { Path: { Length: > 2 } path } json when json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) =>
            (path.TrimStart('$', '.'), "The value has the wrong type or format."),
        JsonException json => ("body", $"The body is not valid JSON: {json.Message}"),
        _ when exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => ("body", "A JSON body is required."),
        _ => ("request", exception.Message),
    };
}
