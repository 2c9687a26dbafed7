using Microsoft.Extensions.AI;

namespace Abm.Server.Features.Leads;

/// <summary>An embedding model that runs in process: its metadata (provider, model, dimension) and the service lookup <see cref="LeadEmbedder"/> reads them through.</summary>
internal abstract class LocalEmbeddingGenerator(string provider, string model, int dimensions) : IEmbeddingGenerator<string, Embedding<float>>
{
    public EmbeddingGeneratorMetadata Metadata { get; } = new(provider, defaultModelId: model, defaultModelDimensions: dimensions);

    public abstract Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>Nothing to release: a loaded model is shared by the process for its life.</summary>
    public void Dispose()
    {
    }
}
