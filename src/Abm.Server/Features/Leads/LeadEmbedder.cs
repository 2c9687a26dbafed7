using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Turns lead and ideal-client documents into vectors through the configured
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (the local MiniLM model by default, OpenAI's embeddings when
/// configured), in batches, and vectors into the bytes the database keeps. Every stored vector carries the model name
/// and dimension, so vectors of another model are never compared with these (they are re-embedded).
/// </summary>
internal sealed partial class LeadEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingRetry retry, TimeProvider clock, ILogger<LeadEmbedder> logger)
{
    /// <summary>Documents per call to the model: long enough to amortise a call, short enough to keep padding small.</summary>
    public const int BatchSize = 32;

    // About 30 MB of 384-dimensional vectors; emptied when full (simpler than an LRU, and a full pass refills it).
    private const int CacheSize = 20_000;

    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    /// <summary>An embedder with the default retries, outside the server (the bench, tests).</summary>
    public LeadEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator)
        : this(generator, EmbeddingRetry.Default, TimeProvider.System, NullLogger<LeadEmbedder>.Instance)
    {
    }

    public string Model { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? throw new InvalidOperationException("The embedding generator names no model.");

    public int Dimensions { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions ?? throw new InvalidOperationException("The embedding generator names no dimension.");

    public async Task<float[]> EmbedAsync(string document, CancellationToken cancellationToken) =>
        (await EmbedAsync([document], cancellationToken))[0];

    /// <summary>The documents' vectors, in order; throws when the model fails (see <see cref="TryEmbedAsync"/>).</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken)
    {
        var embedded = await TryEmbedAsync(documents, cancellationToken);
        return embedded.Failure is { } failure ? throw new InvalidOperationException(failure) : embedded.Vectors.Select(v => v!).ToArray();
    }

    /// <summary>
    /// The documents' vectors, in order. A sentence model costs milliseconds a document, so each distinct document
    /// is embedded once: repeats within the call and documents embedded before (a lead re-scored because its
    /// engagement moved has the same document) come from a bounded cache. The rest go to the model in batches of
    /// similar length, so little of a batch is padding. A batch the model fails is sent again with back-off (
    /// <see cref="EmbeddingRetry.MaxAttempts"/> requests in all); when it still fails, its documents and the batches
    /// not sent yet have no vector (null) and <see cref="EmbeddedDocuments.Failure"/> says why: a failing provider is
    /// not asked again for every batch of the run.
    /// </summary>
    public async Task<EmbeddedDocuments> TryEmbedAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var document in documents.Distinct(StringComparer.Ordinal))
        {
            if (_cache.TryGetValue(document, out var cached))
            {
                found[document] = cached;
            }
            else
            {
                missing.Add(document);
            }
        }

        string? failure = null;
        var embedded = new List<string>(missing.Count);
        foreach (var batch in missing.OrderBy(d => d.Length).Chunk(BatchSize))
        {
            var (vectors, failed) = await EmbedBatchAsync(batch, cancellationToken);
            if (vectors is null)
            {
                failure = $"{Model} embeddings failed: {failed}";
                LogFailed(Model, failed!, missing.Count - embedded.Count);
                break;
            }

            for (var i = 0; i < batch.Length; i++)
            {
                found[batch[i]] = vectors[i];
                embedded.Add(batch[i]);
            }
        }

        if (_cache.Count + embedded.Count > CacheSize)
        {
            _cache.Clear();
        }

        foreach (var document in embedded)
        {
            _cache[document] = found[document];
        }

        return new EmbeddedDocuments(documents.Select(d => found.GetValueOrDefault(d)).ToArray(), failure);
    }

    /// <summary>One batch, retried on 429, 5xx, a timeout or no connection with back-off. Either the vectors or why not.</summary>
    private async Task<(float[][]? Vectors, string? Failure)> EmbedBatchAsync(string[] batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = new CancellationTokenSource(retry.Timeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var retryAfter = RetryAfterHandler.Watch();
            LlmFailureKind failure;
            try
            {
                var embeddings = await generator.GenerateAsync(batch, cancellationToken: linked.Token);
                if (embeddings.Count != batch.Length || embeddings.Any(e => e.Vector.Length != Dimensions))
                {
                    return (null, $"the model returned {embeddings.Count} vectors for {batch.Length} documents, or not of {Dimensions} dimensions");
                }

                return (embeddings.Select(e => e.Vector.ToArray()).ToArray(), null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = LlmFailureKind.Timeout;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failure = LlmFailureKind.Of(error) ?? LlmFailureKind.Failed;
            }

            if (!failure.Transient || attempt >= retry.MaxAttempts)
            {
                return (null, failure.Transient ? $"{failure.Describe()} after {attempt} attempt(s)" : failure.Describe());
            }

            if (ProviderRetry.Delay(retry.FirstDelayMilliseconds, attempt, retryAfter.Value) is not { } delay)
            {
                return (null, $"{failure.Describe()}, asked to wait {retryAfter.Value!.Value.TotalSeconds:0} s");
            }

            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    /// <summary>Little-endian IEEE floats, the layout of the machine (every platform .NET runs on here is little-endian).</summary>
    public static byte[] ToBytes(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    public static float[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedding model {Model} failed ({Failure}); {Count} document(s) have no vector this time")]
    private partial void LogFailed(string model, string failure, int count);
}

/// <summary>The documents' vectors in order, null where the model failed, and why it failed (null when none did).</summary>
internal sealed record EmbeddedDocuments(IReadOnlyList<float[]?> Vectors, string? Failure);

/// <summary>How a batch of documents is retried when the embedding model fails: requests in all, the first back-off, and each request's time limit.</summary>
internal sealed record EmbeddingRetry(int MaxAttempts, int FirstDelayMilliseconds, TimeSpan Timeout)
{
    public static readonly EmbeddingRetry Default = new(2, 1_000, TimeSpan.FromSeconds(30));
}
