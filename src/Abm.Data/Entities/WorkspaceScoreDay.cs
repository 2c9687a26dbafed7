namespace Abm.Data.Entities;

/// <summary>
/// A workspace's overview figures as the last recompute of one UTC day left them: the history the overview's 30- and
/// 90-day trends are drawn from, one small row a day instead of a scan of every account's history.
/// </summary>
public sealed class WorkspaceScoreDay : IWorkspaceScoped
{
    public Guid WorkspaceId { get; set; }

    /// <summary>Midnight UTC of the day.</summary>
    public DateTime Day { get; set; }

    public int Accounts { get; set; }
    public double AverageEngagement { get; set; }
    public int HotAccounts { get; set; }
    public int EngagedAccounts { get; set; }
    public int WarmingAccounts { get; set; }
    public int ColdAccounts { get; set; }
    public double AverageStakeholderCoverage { get; set; }

    /// <summary>Contacts reached by content items, summed over the items (their stored performance).</summary>
    public int ContentReached { get; set; }

    /// <summary>Of those, the ones who booked a meeting within 14 days of the item.</summary>
    public int ContentMeetings { get; set; }
}
