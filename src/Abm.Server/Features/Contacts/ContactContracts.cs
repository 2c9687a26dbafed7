namespace Abm.Server.Features.Contacts;

/// <summary>
/// One contact as the list shows it: who, where they work, and what ABM Engine concluded about them. LeadPriority is
/// the current lead score's priority (high, medium, low), null before the contact was scored as a lead.
/// </summary>
internal sealed record ContactRow(
    Guid Id, string HubSpotId, string? Email, string? FirstName, string? LastName, string? Company, Guid? CompanyId, string? JobTitle,
    string? LifecycleStage, IReadOnlyList<string> Segments, DateTime? HubSpotUpdatedAt, DateTime? SyncedAt,
    int Score, string EngagementBand, string JourneyStage, string Persona, string? BuyingRole, string? OwnerHubSpotId, DateTime? LastInteractionAt,
    string? LeadPriority = null);

internal sealed record ContactPage(IReadOnlyList<ContactRow> Rows, int Total);

/// <summary>A page of contacts, how many match, and the paging, sort and segment asked for.</summary>
internal sealed record ContactListResponse(IReadOnlyList<ContactRow> Contacts, int Total, int Limit, int Offset, string? Segment, string Sort, string Order);
