namespace Abm.Data.Entities;

/// <summary>
/// An item a contact in an experiment's arm met, the first time only per contact, item and channel: shown as a
/// recommendation, or sent by a nurture sequence.
/// </summary>
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

    /// <summary><see cref="ExposureChannels.Shown"/> or <see cref="ExposureChannels.Sent"/>.</summary>
    public string Channel { get; set; } = ExposureChannels.Shown;
}

/// <summary>How a contact met an item in an experiment.</summary>
public static class ExposureChannels
{
    /// <summary>Served as a recommendation (the API or the dashboard).</summary>
    public const string Shown = "shown";

    /// <summary>Emailed by a nurture sequence (HubSpot accepted the send).</summary>
    public const string Sent = "sent";
}
