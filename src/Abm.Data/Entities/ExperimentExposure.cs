namespace Abm.Data.Entities;

/// <summary>An item shown to a contact in an experiment's arm: the first time only, per contact and item.</summary>
public sealed class ExperimentExposure : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ExperimentId { get; set; }
    public required string Arm { get; set; }

    /// <summary>The unit assigned: the contact's account (company id), or the contact itself when it has none.</summary>
    public required string UnitKey { get; set; }

    public Guid ContactId { get; set; }
    public Guid ContentId { get; set; }
    public DateTime ExposedAt { get; set; }
}
