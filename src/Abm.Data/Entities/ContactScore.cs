namespace Abm.Data.Entities;

/// <summary>The latest engagement score of a contact with its five components.</summary>
public sealed class ContactScore : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ContactId { get; set; }
    public double Score { get; set; }
    public double Recency { get; set; }
    public double Frequency { get; set; }
    public double Quality { get; set; }
    public double Diversity { get; set; }
    public double Progression { get; set; }
    public int EventsInWindow { get; set; }
    public DateTime? LastEventAt { get; set; }
    /// <summary>Decayed points in the current and previous velocity periods; the account roll-up sums them.</summary>
    public double CurrentPeriodPoints { get; set; }
    public double PreviousPeriodPoints { get; set; }
    public DateTime ComputedAt { get; set; }
}
