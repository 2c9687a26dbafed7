namespace Abm.HubSpot.Sandbox.Http;

/// <summary>
/// The body every batch endpoint answers with: <c>{status:"COMPLETE", results, startedAt, completedAt}</c>,
/// plus <c>numErrors</c> and <c>errors</c> with HTTP 207 when some inputs failed.
/// </summary>
internal static class BatchResult
{
    public static IResult Respond<T>(DateTimeOffset now, IReadOnlyList<T> results, IReadOnlyList<HubSpotError> errors, int successStatus)
    {
        var stamp = HubSpotTime.Format(now);
        return errors.Count == 0
            ? SandboxJson.Json(new Body<T>("COMPLETE", results, stamp, stamp), successStatus)
            : SandboxJson.Json(
                new Body<T>("COMPLETE", results, stamp, stamp, errors.Count, errors.Select(e => e.ToBatchEntry()).ToList()),
                StatusCodes.Status207MultiStatus);
    }

    private sealed record Body<T>(
        string Status,
        IReadOnlyList<T> Results,
        string StartedAt,
        string CompletedAt,
        int? NumErrors = null,
        IReadOnlyList<object>? Errors = null);
}
