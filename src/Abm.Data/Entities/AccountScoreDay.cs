namespace Abm.Data.Entities;

/// <summary>
/// An account's engagement as the last recompute of one UTC day left it: the history its engagement trend is drawn
/// from. The nightly recompute visits every account, so each account gets one row a day.
/// </summary>
public sealed class AccountScoreDay : IWorkspaceScoped
{
    public Guid WorkspaceId { get; set; }
    public Guid CompanyId { get; set; }

    /// <summary>Midnight UTC of the day.</summary>
    public DateTime Day { get; set; }

    public double Score { get; set; }
    public double StakeholderCoverage { get; set; }
}
