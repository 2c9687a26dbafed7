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
}
