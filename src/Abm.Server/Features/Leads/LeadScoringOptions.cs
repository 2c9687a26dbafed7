using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Leads;

internal sealed class LeadScoringOptions
{
    public const string Section = "Leads";

    /// <summary>How often the worker looks for leads to score; 0 turns automatic scoring off.</summary>
    [Range(0, 86_400, ErrorMessage = "Leads:AutoScoreIntervalSeconds must be between 0 and 86400.")]
    public int AutoScoreIntervalSeconds { get; set; } = 30;

    /// <summary>A lead is scored once its contact, company and engagement have been still this long: a burst of changes scores it once.</summary>
    [Range(0, 86_400, ErrorMessage = "Leads:DebounceSeconds must be between 0 and 86400.")]
    public int DebounceSeconds { get; set; } = 60;

    /// <summary>Leads scored per workspace per round.</summary>
    [Range(1, 100_000, ErrorMessage = "Leads:BatchSize must be between 1 and 100000.")]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>
    /// The embedding model: <c>auto</c> (OpenAI's embeddings when <c>OPENAI_API_KEY</c> is set, else the local model),
    /// <c>minilm</c> (the local sentence-embedding model, 384 dimensions), <c>openai</c> (OpenAI's, needs the key) or
    /// <c>hashed</c> (the hashed feature embedding, 256 dimensions, no model file). Changing it re-embeds the examples in the background.
    /// </summary>
    [RegularExpression("^(auto|minilm|openai|hashed)$", ErrorMessage = "Leads:EmbeddingModel must be auto, minilm, openai or hashed.")]
    public string EmbeddingModel { get; set; } = "auto";

    /// <summary>The OpenAI embedding model asked when OpenAI embeds.</summary>
    [RegularExpression(@"^[A-Za-z0-9._:\-]{1,100}$", ErrorMessage = "Leads:OpenAIEmbeddingModel must be a model name such as text-embedding-3-small.")]
    public string OpenAIEmbeddingModel { get; set; } = "text-embedding-3-small";

    /// <summary>The vectors' dimension asked of OpenAI; empty: the model's own (1,536, or 3,072 for text-embedding-3-large).</summary>
    [Range(16, 4_096, ErrorMessage = "Leads:OpenAIEmbeddingDimensions must be between 16 and 4096.")]
    public int? OpenAIEmbeddingDimensions { get; set; }

    /// <summary>Requests per batch of documents when the embedding model fails with 429, 5xx, a timeout or no connection.</summary>
    [Range(1, 10, ErrorMessage = "Leads:EmbeddingMaxAttempts must be between 1 and 10.")]
    public int EmbeddingMaxAttempts { get; set; } = EmbeddingRetry.Default.MaxAttempts;

    /// <summary>The wait before the first retry of an embedding request; each further retry waits twice as long.</summary>
    [Range(0, 60_000, ErrorMessage = "Leads:EmbeddingRetryDelayMilliseconds must be between 0 and 60000.")]
    public int EmbeddingRetryDelayMilliseconds { get; set; } = EmbeddingRetry.Default.FirstDelayMilliseconds;

    /// <summary>How long one embedding request may take before it counts as timed out (and is retried).</summary>
    [Range(1, 600, ErrorMessage = "Leads:EmbeddingTimeoutSeconds must be between 1 and 600.")]
    public int EmbeddingTimeoutSeconds { get; set; } = (int)EmbeddingRetry.Default.Timeout.TotalSeconds;

    /// <summary>
    /// A lead scored without its similarity to ideal clients (the embedding model failed) is scored again by the
    /// automatic round once this many minutes have passed, until the model answers.
    /// </summary>
    [Range(0, 1_440, ErrorMessage = "Leads:SimilarityRetryMinutes must be between 0 and 1440.")]
    public int SimilarityRetryMinutes { get; set; } = 10;

    public EmbeddingRetry EmbeddingRetry => new(EmbeddingMaxAttempts, EmbeddingRetryDelayMilliseconds, TimeSpan.FromSeconds(EmbeddingTimeoutSeconds));
}
