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
    /// The embedding model: <c>minilm</c> (the local sentence-embedding model, 384 dimensions) or <c>hashed</c> (the
    /// hashed feature embedding, 256 dimensions, no model file). Changing it re-embeds the examples in the background.
    /// </summary>
    [RegularExpression("^(minilm|hashed)$", ErrorMessage = "Leads:EmbeddingModel must be minilm or hashed.")]
    public string EmbeddingModel { get; set; } = "minilm";
}
