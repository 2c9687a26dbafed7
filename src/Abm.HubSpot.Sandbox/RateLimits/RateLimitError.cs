using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.RateLimits;

/// <summary>HubSpot's 429 body; clients key their retry on <c>policyName</c> or the secondly message.</summary>
internal sealed record RateLimitError(string Message, string PolicyName) : IResult
{
    public static RateLimitError TenSecondly { get; } = new("You have reached your ten_secondly_rolling limit.", "TEN_SECONDLY_ROLLING");

    public static RateLimitError Daily { get; } = new("You have reached your daily limit.", "DAILY");

    public static RateLimitError Secondly { get; } = new("You have reached your secondly limit.", "SECONDLY");

    public Task ExecuteAsync(HttpContext httpContext) =>
        SandboxJson.Json(
            new Body("error", Message, "RATE_LIMIT", Guid.NewGuid().ToString(), PolicyName, Guid.NewGuid().ToString()),
            StatusCodes.Status429TooManyRequests).ExecuteAsync(httpContext);

    private sealed record Body(string Status, string Message, string ErrorType, string CorrelationId, string PolicyName, string RequestId);
}
