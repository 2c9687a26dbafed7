namespace Abm.Data.Entities;

/// <summary>The latest roll-up of a company's contacts' engagement.</summary>
public sealed class AccountScore : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid CompanyId { get; set; }
    public double Score { get; set; }
    public double Velocity { get; set; }
    public double StakeholderCoverage { get; set; }
    /// <summary>Engaged contacts per buying role, JSON object.</summary>
    public string RoleCounts { get; set; } = "{}";
    /// <summary>The journey stage most of the account's contacts are in (null with no contacts).</summary>
    public string? DominantStage { get; set; }
    public int ContactCount { get; set; }
    public DateTime ComputedAt { get; set; }
}
