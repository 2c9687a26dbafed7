namespace Abm.Data.Entities;

public sealed class Recommendation : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ContactId { get; set; }
    public Guid ContentId { get; set; }
    public int Rank { get; set; }
    public double Score { get; set; }
    /// <summary>Per-factor contributions as JSON; they sum to Score.</summary>
    public string Factors { get; set; } = "{}";
    public required string Reason { get; set; }
    public DateTime GeneratedAt { get; set; }
}
