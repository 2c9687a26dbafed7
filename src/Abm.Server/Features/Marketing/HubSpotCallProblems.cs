using System.Globalization;
using System.Net;
using Abm.HubSpot;
using Abm.Server.Features.Connections;

namespace Abm.Server.Features.Marketing;

/// <summary>
/// How a route that calls HubSpot on the caller's behalf answers when it cannot: no connection (409), HubSpot's own
/// refusal (its status and message: 400, 404, 409), HubSpot unreachable, overloaded or out of its daily allowance
/// (503 with Retry-After, never a 500), or HubSpot refusing our credentials or scopes (502). Written for the marketing
/// routes; other features calling HubSpot from a request can take it as is.
/// </summary>
internal static class HubSpotCallProblems
{
    private static readonly TimeSpan DefaultRetry = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="call"/> with the workspace's client, turning HubSpot failures into problem details.</summary>
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
        catch (Exception error) when (From(error) is { } problem && !cancellationToken.IsCancellationRequested)
        {
            return problem;
        }
    }

    public static IResult NotConnected() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No HubSpot connection",
        detail: "This workspace is not connected to a HubSpot portal; connect one through /api/connections (or HUBSPOT_API_KEY for the default workspace).");

    /// <summary>The answer for a failed HubSpot call, or null when the exception is not one (<see cref="HubSpotFailure"/>: a bug stays a 500).</summary>
    public static IResult? From(Exception error) => !HubSpotFailure.Is(error) ? null : error switch
    {
        HubSpotDailyLimitException => Unavailable("HubSpot's daily API allowance for this portal is used up.", TimeSpan.FromHours(1)),
        HubSpotAuthenticationException => Problem(StatusCodes.Status502BadGateway, "HubSpot refused the connection's credentials", error.Message),
        HubSpotApiException { StatusCode: HttpStatusCode.TooManyRequests } api => Unavailable("HubSpot is rate limiting this portal.", api.RetryAfter ?? TimeSpan.FromSeconds(10)),
        HubSpotApiException { StatusCode: 0 or >= HttpStatusCode.InternalServerError or HubSpotApiStatus.Locked or HubSpotApiStatus.MigrationInProgress } api =>
            Unavailable($"HubSpot did not answer usefully: {api.HubSpotMessage ?? api.Message}", api.RetryAfter ?? DefaultRetry),
        HubSpotApiException { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } api =>
            Problem(StatusCodes.Status502BadGateway, "HubSpot refused the call", $"{api.HubSpotMessage ?? api.Message} (check the connection's scopes)"),
        HubSpotApiException { StatusCode: HttpStatusCode.NotFound } api => Problem(StatusCodes.Status404NotFound, "Not found in HubSpot", api.HubSpotMessage ?? api.Message),
        HubSpotApiException { StatusCode: HttpStatusCode.Conflict } api => Problem(StatusCodes.Status409Conflict, "HubSpot refused the change", api.HubSpotMessage ?? api.Message),
        HubSpotApiException api => Problem(StatusCodes.Status400BadRequest, "HubSpot refused the request", api.HubSpotMessage ?? api.Message),
        _ => Unavailable($"HubSpot could not be reached: {error.Message}", DefaultRetry),
    };

    /// <summary>400 naming the one field at fault, as the request validation names fields.</summary>
    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has invalid fields.");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static WithRetryAfter Unavailable(string detail, TimeSpan retryAfter) =>
        new WithRetryAfter((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds)), Problem(StatusCodes.Status503ServiceUnavailable, "HubSpot is unavailable", detail));

    private sealed class WithRetryAfter(int seconds, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    private static class HubSpotApiStatus
    {
        public const HttpStatusCode Locked = HttpStatusCode.Locked;
        public const HttpStatusCode MigrationInProgress = (HttpStatusCode)477;
    }
}
