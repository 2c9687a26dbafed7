using Abm.Engines.Leads;
using Microsoft.Extensions.AI;

namespace Abm.Server.Features.Leads;

/// <summary>The engine's hashed feature embedding behind the same interface (<c>Leads:EmbeddingModel = hashed</c>): no model file, microseconds a document.</summary>
internal sealed class HashedEmbeddingGenerator() : LocalEmbeddingGenerator("abm", HashedFeatureEmbedding.ModelName, HashedFeatureEmbedding.Dimensions)
{
    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(
            values.Select(v => new Embedding<float>(HashedFeatureEmbedding.Embed(v)) { ModelId = HashedFeatureEmbedding.ModelName })));
}
