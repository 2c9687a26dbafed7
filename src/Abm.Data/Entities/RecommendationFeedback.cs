namespace Abm.Data.Entities;

/// <summary>
/// What a marketer or sales rep said about one item recommended to one contact: approved (send it) or skipped
/// (not for this person). One row per contact and item; a later verdict replaces the earlier one.
/// </summary>
public sealed class RecommendationFeedback : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ContactId { get; set; }
    public Guid ContentId { get; set; }
    /// <summary><c>approved</c> or <c>skipped</c>.</summary>
    public required string Verdict { get; set; }
    /// <summary>Who decided: a dashboard user's email or an API key's name.</summary>
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }
}
