using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Abm.HubSpot;
using Abm.Server.Features.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Errors;

/// <summary>
/// How a route that calls HubSpot on the caller's behalf (those under /api/hubspot, the connection's refresh) answers
/// when HubSpot cannot be used or says no. HubSpot's own message, category
/// and correlation id travel in the problem (<c>hubspotMessage</c>, <c>hubspotCategory</c>, <c>hubspotCorrelationId</c>);
/// an outage (no answer, 5xx or 429 after the client's retries, the daily limit) is a 503 with Retry-After, never a 500.
/// </summary>
internal static partial class HubSpotProblems
{
    public static readonly TimeSpan OutageRetryAfter = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DailyLimitRetryAfter = TimeSpan.FromHours(1);

    /// <summary>Runs <paramref name="call"/> with the workspace's client, turning HubSpot's failures into problems (a bug stays a 500).</summary>
    public static async Task<IResult> CallAsync(HubSpotClients clients, Guid workspaceId, Func<HubSpotClient, Task<IResult>> call, CancellationToken cancellationToken)
    {
        if (await clients.GetAsync(workspaceId, cancellationToken) is not { } client)
        {
            return NotConnected();
        }

        try
        {
            return await call(client);
        }
        catch (Exception error) when (HubSpotFailure.Is(error) && !cancellationToken.IsCancellationRequested)
        {
            return From(error);
        }
    }

    /// <summary>400 naming the one field at fault, as the request validation names fields.</summary>
    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has invalid fields.");

    public static IResult NotConnected() => ApiProblems.Conflict(
        "No HubSpot connection",
        "This workspace is not connected to a HubSpot portal; connect one through /api/connections (or HUBSPOT_API_KEY for the default workspace).");

    public static IResult From(Exception error) => error switch
    {
        HubSpotDailyLimitException => Unavailable("HubSpot's daily API limit for this portal is spent (it resets at midnight in the portal's time zone).", DailyLimitRetryAfter, error as HubSpotApiException),
        HubSpotAuthenticationException auth => Refused(StatusCodes.Status409Conflict, "HubSpot refused this workspace's connection", auth, "Reconnect the portal (POST /api/connections)."),
        HubSpotApiException { StatusCode: 0 or HttpStatusCode.TooManyRequests or HttpStatusCode.Locked or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError } or HubSpotApiException { StatusCode: (HttpStatusCode)477 } =>
            Unavailable("HubSpot did not answer usefully after the client's retries.", (error as HubSpotApiException)?.RetryAfter ?? OutageRetryAfter, error as HubSpotApiException),
        HubSpotApiException { StatusCode: HttpStatusCode.BadRequest } invalid => Invalid(invalid),
        HubSpotApiException { StatusCode: HttpStatusCode.Forbidden } scope => Refused(StatusCodes.Status409Conflict, "The HubSpot connection lacks a scope", scope, "Reconnect the portal granting the scope HubSpot names."),
        HubSpotApiException { StatusCode: HttpStatusCode.NotFound } missing => Refused(StatusCodes.Status404NotFound, "Not found in HubSpot", missing, null),
        HubSpotApiException { StatusCode: HttpStatusCode.Conflict } conflict => Conflict(conflict),
        HubSpotApiException other => Refused(StatusCodes.Status502BadGateway, "HubSpot refused the request", other, null),
        _ => Unavailable("HubSpot could not be reached.", OutageRetryAfter, null),
    };

    private static ProblemHttpResult Conflict(HubSpotApiException conflict)
    {
        var extensions = Extensions(conflict);
        if (ExistingId().Match(conflict.HubSpotMessage ?? "") is { Success: true } match)
        {
            extensions["existingId"] = match.Groups[1].Value;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "HubSpot refused a duplicate", detail: conflict.HubSpotMessage ?? conflict.Message, extensions: extensions);
    }

    private static ValidationProblem Invalid(HubSpotApiException invalid)
    {
        var message = invalid.HubSpotMessage ?? invalid.Message;
        var fields = invalid.PropertyNames.Count > 0 ? invalid.PropertyNames.Select(n => $"properties.{n}")
            : message.Contains("association", StringComparison.OrdinalIgnoreCase) ? ["associations"] : ["properties"];
        return TypedResults.ValidationProblem(fields.ToDictionary(f => f, _ => new[] { message }), detail: message, title: "HubSpot refused the values", extensions: Extensions(invalid));
    }

    private static ProblemHttpResult Refused(int status, string title, HubSpotApiException error, string? advice) =>
        TypedResults.Problem(statusCode: status, title: title, detail: $"{error.HubSpotMessage ?? error.Message}{(advice is null ? "" : " " + advice)}", extensions: Extensions(error));

    private static RetryLater Unavailable(string detail, TimeSpan retryAfter, HubSpotApiException? error) =>
        new RetryLater(retryAfter, TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "HubSpot is unavailable", detail: detail,
            extensions: error is null ? null : Extensions(error)));

    private static Dictionary<string, object?> Extensions(HubSpotApiException error) => new()
    {
        ["hubspotStatus"] = (int)error.StatusCode,
        ["hubspotCategory"] = error.Category,
        ["hubspotMessage"] = error.HubSpotMessage,
        ["hubspotCorrelationId"] = error.CorrelationId,
    };

    [GeneratedRegex(@"Existing ID: ?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExistingId();

    /// <summary>A problem answered with a Retry-After header in whole seconds.</summary>
    private sealed class RetryLater(TimeSpan wait, IResult problem) : IResult, INestedHttpResult
    {
        // What a dashboard page that ran the handler itself reads.
        public IResult Result => problem;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
