namespace Abm.Data.Entities;

/// <summary>
/// One request to a language model while scoring a lead (a retry is a row of its own): who was asked, how it went,
/// how long it took, the tokens and the estimated cost. The prompt and the answer are kept on the lead score.
/// </summary>
public sealed class AiCall : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid LeadScoreId { get; set; }
    /// <summary>anthropic or openai.</summary>
    public required string Provider { get; set; }
    public required string Model { get; set; }
    /// <summary>1 for the first request of a scoring, counting retries and the follow-up after a refused answer.</summary>
    public int Attempt { get; set; }
    /// <summary>ok, invalid_answer, rate_limited, server_error, timeout, unreachable, refused or unusable_reply.</summary>
    public required string Outcome { get; set; }
    /// <summary>The HTTP status the provider answered, when it answered one.</summary>
    public int? HttpStatus { get; set; }
    public int LatencyMs { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public double EstimatedCostUsd { get; set; }
    public DateTime CalledAt { get; set; }
}
