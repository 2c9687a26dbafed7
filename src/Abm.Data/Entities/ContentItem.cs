namespace Abm.Data.Entities;

public sealed class ContentItem : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    /// <summary>The id the content has in the customer's own system (CMS, CSV import).</summary>
    public string? ExternalId { get; set; }
    public required string Title { get; set; }
    public required string ContentType { get; set; }
    public string Complexity { get; set; } = "intermediate";
    public string? Topic { get; set; }
    public string? Url { get; set; }
    public string? FilePath { get; set; }
    public List<string> TargetIndustries { get; set; } = [];
    public List<string> TargetPersonas { get; set; } = [];
    public List<string> TargetJourneyStages { get; set; } = [];
    public DateTime? PublishedAt { get; set; }
    public int? DurationMinutes { get; set; }
    public string PerformanceMetrics { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
}
