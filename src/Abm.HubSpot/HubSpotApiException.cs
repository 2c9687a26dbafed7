using System.Net;

namespace Abm.HubSpot;

/// <summary>
/// HubSpot answered with an error (or, after all retries, with nothing usable). Carries what HubSpot's
/// error body says, so support cases can quote the <see cref="CorrelationId"/>.
/// </summary>
public class HubSpotApiException : Exception
{
    public HubSpotApiException()
        : this("HubSpot call failed.")
    {
    }

    public HubSpotApiException(string message)
        : this(message, null)
    {
    }

    public HubSpotApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal HubSpotApiException(HubSpotErrorDetails details, Exception? innerException = null)
        : base(details.Describe(), innerException)
    {
        StatusCode = details.StatusCode;
        Category = details.Category;
        CorrelationId = details.CorrelationId;
        PolicyName = details.PolicyName;
        HubSpotMessage = details.Message;
        RetryAfter = details.RetryAfter;
        PropertyNames = details.PropertyNames;
    }

    /// <summary>HTTP status HubSpot answered with; 0 when no answer arrived.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>HubSpot's error category, e.g. <c>VALIDATION_ERROR</c>, <c>OBJECT_NOT_FOUND</c>, <c>RATE_LIMIT</c>.</summary>
    public string? Category { get; }

    /// <summary>HubSpot's id of the failed call, for support requests.</summary>
    public string? CorrelationId { get; }

    /// <summary>Which limit a 429 hit: <c>TEN_SECONDLY_ROLLING</c>, <c>DAILY</c> or <c>SECONDLY</c>.</summary>
    public string? PolicyName { get; }

    /// <summary>The <c>message</c> of HubSpot's error body.</summary>
    public string? HubSpotMessage { get; }

    /// <summary>The wait HubSpot asked for with <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The properties a validation error names (<c>errors[].context.propertyName</c>); empty when it names none.</summary>
    public IReadOnlyList<string> PropertyNames { get; } = [];
}
