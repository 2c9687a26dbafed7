namespace Abm.HubSpot.Sandbox.Crm;

internal sealed record AssociationRef(string Id, string Type);

internal sealed record AssociationResults(IReadOnlyList<AssociationRef> Results);

/// <summary>A record as HubSpot's objects API returns it.</summary>
internal sealed record RecordResponse(
    string Id,
    ShownProperties Properties,
    string CreatedAt,
    string UpdatedAt,
    bool Archived,
    string? ArchivedAt = null,
    IReadOnlyDictionary<string, AssociationResults>? Associations = null,
    bool? New = null);

internal sealed record PagingNext(string After, string? Link = null);

internal sealed record Paging(PagingNext Next);

internal sealed record PageResponse(IReadOnlyList<RecordResponse> Results, Paging? Paging = null);
