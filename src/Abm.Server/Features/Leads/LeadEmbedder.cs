using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Turns lead and ideal-client documents into vectors through the configured
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (the local MiniLM model by default), in batches, and vectors
/// into the bytes the database keeps. Every stored vector carries the model name and dimension, so vectors of
/// another model are never compared with these (they are re-embedded).
/// </summary>
internal sealed class LeadEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator)
{
    /// <summary>Documents per call to the model: long enough to amortise a call, short enough to keep padding small.</summary>
    public const int BatchSize = 32;

    // About 30 MB of 384-dimensional vectors; emptied when full (simpler than an LRU, and a full pass refills it).
    private const int CacheSize = 20_000;

    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public string Model { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? throw new InvalidOperationException("The embedding generator names no model.");

    public int Dimensions { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions ?? throw new InvalidOperationException("The embedding generator names no dimension.");

    /// <summary>The generator <c>Leads:EmbeddingModel</c> names: <c>hashed</c>, else the local MiniLM model.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Generator(string model) =>
        model == "hashed" ? new HashedEmbeddingGenerator() : new MiniLmEmbeddingGenerator();

    public async Task<float[]> EmbedAsync(string document, CancellationToken cancellationToken) =>
        (await EmbedAsync([document], cancellationToken))[0];

    /// <summary>
    /// The documents' vectors, in order. A sentence model costs milliseconds a document, so each distinct document
    /// is embedded once: repeats within the call and documents embedded before (a lead re-scored because its
    /// engagement moved has the same document) come from a bounded cache. The rest go to the model in batches of
    /// similar length, so little of a batch is padding.
    /// </summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken)
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

        foreach (var batch in missing.OrderBy(d => d.Length).Chunk(BatchSize))
        {
            var embeddings = await generator.GenerateAsync(batch, cancellationToken: cancellationToken);
            if (embeddings.Count != batch.Length || embeddings.Any(e => e.Vector.Length != Dimensions))
            {
                throw new InvalidOperationException($"The embedding model returned {embeddings.Count} vectors for {batch.Length} documents, or not of {Dimensions} dimensions.");
            }

            for (var i = 0; i < batch.Length; i++)
            {
                found[batch[i]] = embeddings[i].Vector.ToArray();
            }
        }

        if (_cache.Count + missing.Count > CacheSize)
        {
            _cache.Clear();
        }

        foreach (var document in missing)
        {
            _cache[document] = found[document];
        }

        return documents.Select(d => found[d]).ToArray();
    }

    /// <summary>Little-endian IEEE floats, the layout of the machine (every platform .NET runs on here is little-endian).</summary>
    public static byte[] ToBytes(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    public static float[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
