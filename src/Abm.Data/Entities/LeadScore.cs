namespace Abm.Data.Entities;

public sealed class LeadScore : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ContactId { get; set; }
    public Guid? IcpProfileId { get; set; }
    public int Score { get; set; }
    public required string Fit { get; set; }
    public required string NextAction { get; set; }
    public required string Priority { get; set; }
    public string? Reasoning { get; set; }
    /// <summary>llm or deterministic: which scorer produced the result.</summary>
    public required string Method { get; set; }
    public DateTime ScoredAt { get; set; }
    /// <summary>The contact's latest score: the one the queues and HubSpot show.</summary>
    public bool IsCurrent { get; set; }
    /// <summary>fallback, anthropic or openai: who answered.</summary>
    public string Provider { get; set; } = "fallback";
    public string? Model { get; set; }
    public bool UsedFallback { get; set; } = true;
    /// <summary>Why the fallback answered when a language model is configured (the model's failure, in words); null otherwise.</summary>
    public string? FallbackReason { get; set; }
    /// <summary>
    /// The lead's similarity to the ideal clients could not be computed (the embedding model failed): it was scored on
    /// the profile's criteria alone, and is scored again once the model answers.
    /// </summary>
    public bool SimilarityUnavailable { get; set; }
    public int LatencyMs { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public double EstimatedCostUsd { get; set; }
    /// <summary>JSON: the criteria outcomes and the similar ideal clients with their similarity.</summary>
    public string Details { get; set; } = "{}";
    /// <summary>What the model was asked and answered, kept for audit; shown to admins only, never logged.</summary>
    public string? Prompt { get; set; }
    public string? Response { get; set; }
}
