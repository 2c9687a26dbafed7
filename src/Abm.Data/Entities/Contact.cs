namespace Abm.Data.Entities;

public sealed class Contact : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string HubSpotId { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? JobTitle { get; set; }
    public Guid? CompanyId { get; set; }
    public string? OwnerHubSpotId { get; set; }
    public string? LifecycleStage { get; set; }
    public string? BuyingRole { get; set; }
    public string JourneyStage { get; set; } = "problem_awareness";
    /// <summary>A stage a user pinned by hand; inference never moves a contact past it until cleared.</summary>
    public string? JourneyStageOverride { get; set; }
    public string PersonaType { get; set; } = "unknown";
    public int EngagementScore { get; set; }
    public string? PreferredContentFormat { get; set; }
    public DateTime? LastInteractionAt { get; set; }
    public List<string> Segments { get; set; } = [];
    public string Properties { get; set; } = "{}";
    public DateTime? HubSpotUpdatedAt { get; set; }
    /// <summary>When HubSpot created the record (its <c>createdate</c>).</summary>
    public DateTime? HubSpotCreatedAt { get; set; }
    /// <summary>HubSpot's original source of the contact (<c>hs_analytics_source</c>, e.g. ORGANIC_SEARCH).</summary>
    public string? OriginalSource { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SyncedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
}
