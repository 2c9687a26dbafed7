using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace Abm.Server.Features.Leads;

/// <summary>
/// The embedding model <c>Leads:EmbeddingModel</c> names, behind <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>:
/// OpenAI's embeddings through the official OpenAI SDK (<c>auto</c> with <c>OPENAI_API_KEY</c> set, or <c>openai</c>),
/// else the local MiniLM model (or the hashed embedding). The SDK's own retries are off: <see cref="LeadEmbedder"/> retries.
/// </summary>
internal static class LeadEmbeddingModel
{
    public const string Auto = "auto";
    public const string MiniLm = "minilm";
    public const string OpenAI = "openai";
    public const string Hashed = "hashed";

    public static IEmbeddingGenerator<string, Embedding<float>> Create(LeadScoringOptions options, IConfiguration configuration, IHttpClientFactory http)
    {
        var key = configuration["OPENAI_API_KEY"] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var model = options.EmbeddingModel == Auto ? key is null ? MiniLm : OpenAI : options.EmbeddingModel;
        if (model != OpenAI)
        {
            return Local(model);
        }

        if (key is null)
        {
            throw new InvalidOperationException("Leads:EmbeddingModel is openai but OPENAI_API_KEY is not set.");
        }

        var clientOptions = LeadLanguageModel.OpenAIOptions(http.CreateClient(LeadLanguageModel.HttpClientName),
            TimeSpan.FromSeconds(options.EmbeddingTimeoutSeconds), configuration["OPENAI_BASE_URL"]);
        var dimensions = options.OpenAIEmbeddingDimensions ?? (options.OpenAIEmbeddingModel == "text-embedding-3-large" ? 3_072 : 1_536);
        return new EmbeddingClient(options.OpenAIEmbeddingModel, new ApiKeyCredential(key), clientOptions).AsIEmbeddingGenerator(dimensions);
    }

    /// <summary>A model that runs in process: <c>hashed</c>, else MiniLM.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Local(string model) =>
        model == Hashed ? new HashedEmbeddingGenerator() : new MiniLmEmbeddingGenerator();
}
