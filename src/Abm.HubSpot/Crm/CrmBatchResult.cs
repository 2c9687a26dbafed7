using System.Net;

namespace Abm.HubSpot.Crm;

/// <summary>
/// One failure inside a batch: a per-record error from a 207 answer, or a whole chunk HubSpot refused.
/// <see cref="InputIndexes"/> points at the caller's inputs it concerns (empty when HubSpot does not say).
/// </summary>
public sealed record CrmBatchError(
    HttpStatusCode? StatusCode,
    string? Category,
    string Message,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Context,
    IReadOnlyList<int> InputIndexes,
    string? CorrelationId = null);

/// <summary>
/// Outcome of a batch operation over any number of inputs (sent in chunks of 100): every record that
/// succeeded, and every failure. A failed chunk or record never hides the successful ones.
/// </summary>
public sealed record CrmBatchResult(IReadOnlyList<CrmRecord> Records, IReadOnlyList<CrmBatchError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}
