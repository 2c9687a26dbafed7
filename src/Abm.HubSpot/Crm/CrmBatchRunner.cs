namespace Abm.HubSpot.Crm;

/// <summary>
/// Sends any number of batch inputs in chunks of HubSpot's maximum (100 for CRM objects), collecting results and failures.
/// A chunk HubSpot refuses becomes an error for its inputs and the next chunk still goes; only
/// run-stopping failures (credentials, daily limit, cancellation) propagate.
/// </summary>
internal static class CrmBatchRunner
{
    public const int ChunkSize = 100;

    public static async Task<CrmBatchResult> RunAsync<TInput>(
        IReadOnlyList<TInput> inputs,
        Func<TInput, string?> idOf,
        Func<IReadOnlyList<TInput>, CancellationToken, Task<BatchResponseDto<RecordDto>?>> sendChunk,
        CancellationToken cancellationToken)
    {
        var (records, errors) = await RunChunksAsync(inputs, ChunkSize, idOf, sendChunk, r => r.ToRecord(), cancellationToken);
        return new CrmBatchResult(records, errors);
    }

    /// <summary>The same for any batch endpoint: its own chunk size (e.g. 1,000 for association reads) and result shape.</summary>
    public static async Task<(List<TResult> Results, List<CrmBatchError> Errors)> RunChunksAsync<TInput, TDto, TResult>(
        IReadOnlyList<TInput> inputs,
        int chunkSize,
        Func<TInput, string?> idOf,
        Func<IReadOnlyList<TInput>, CancellationToken, Task<BatchResponseDto<TDto>?>> sendChunk,
        Func<TDto, TResult> toResult,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var results = new List<TResult>(inputs.Count);
        var errors = new List<CrmBatchError>();
        for (var start = 0; start < inputs.Count; start += chunkSize)
        {
            var chunk = inputs.Skip(start).Take(chunkSize).ToList();
            try
            {
                var response = await sendChunk(chunk, cancellationToken);
                results.AddRange((response?.Results ?? []).Select(toResult));
                errors.AddRange((response?.Errors ?? []).Select(e => ToError(e, chunk, start, idOf)));
            }
            catch (HubSpotApiException exception) when (exception is not HubSpotAuthenticationException and not HubSpotDailyLimitException)
            {
                errors.Add(new CrmBatchError(
                    exception.StatusCode == 0 ? null : exception.StatusCode,
                    exception.Category,
                    exception.HubSpotMessage ?? exception.Message,
                    new Dictionary<string, IReadOnlyList<string>>(),
                    Enumerable.Range(start, chunk.Count).ToList(),
                    exception.CorrelationId));
            }
        }

        return (results, errors);
    }

    // HubSpot names the inputs an error concerns in its context (e.g. {"ids": ["123"]}); match them back.
    private static CrmBatchError ToError<TInput>(BatchErrorDto error, IReadOnlyList<TInput> chunk, int start, Func<TInput, string?> idOf)
    {
        var context = (error.Context ?? []).ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value, StringComparer.Ordinal);
        var named = context.Values.SelectMany(v => v).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var indexes = chunk.Select((input, i) => (Id: idOf(input), Index: start + i))
            .Where(x => x.Id is not null && named.Contains(x.Id))
            .Select(x => x.Index)
            .ToList();
        var status = int.TryParse(error.Status, out var code) ? (System.Net.HttpStatusCode?)code : null;
        return new CrmBatchError(status, error.Category, error.Message ?? "batch input failed", context, indexes);
    }
}
