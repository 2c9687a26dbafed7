namespace Abm.HubSpot.Sandbox.Http;

/// <summary>
/// A HubSpot error (<c>{status:"error", message, correlationId, category, errors, context}</c>). It is an
/// <see cref="IResult"/> for single calls and becomes one entry of <c>errors</c> in batch responses.
/// </summary>
internal sealed record HubSpotError(
    int StatusCode,
    string Category,
    string Message,
    IReadOnlyList<HubSpotErrorDetail>? Errors = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Context = null,
    IReadOnlyDictionary<string, string>? Links = null) : IResult
{
    public string CorrelationId { get; } = Guid.NewGuid().ToString();

    public Task ExecuteAsync(HttpContext httpContext) =>
        SandboxJson.Json(ToBody(), StatusCode).ExecuteAsync(httpContext);

    public object ToBody() => new Body("error", Message, CorrelationId, Category, Errors, Context, Links);

    /// <summary>The shape of one failure inside a 207 batch response.</summary>
    public object ToBatchEntry() => new BatchEntry("error", Category, Message, Context ?? new Dictionary<string, IReadOnlyList<string>>(), Errors);

    private sealed record Body(
        string Status,
        string Message,
        string CorrelationId,
        string Category,
        IReadOnlyList<HubSpotErrorDetail>? Errors,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? Context,
        IReadOnlyDictionary<string, string>? Links);

    private sealed record BatchEntry(
        string Status,
        string Category,
        string Message,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Context,
        IReadOnlyList<HubSpotErrorDetail>? Errors);
}
