namespace Abm.HubSpot.Lists;

/// <summary>
/// A list (lists v3): its id, name, the object type it holds (<c>0-1</c> contacts), how HubSpot keeps it
/// (MANUAL, SNAPSHOT or DYNAMIC) and, when HubSpot says, its size.
/// </summary>
public sealed record HubSpotList(string ListId, string Name, string? ObjectTypeId, string? ProcessingType, int? Size, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt)
{
    /// <summary>Only MANUAL and SNAPSHOT lists take membership changes; DYNAMIC lists follow their filters.</summary>
    public bool AcceptsManualMembership => ProcessingType is "MANUAL" or "SNAPSHOT";
}

/// <summary>One page of a list search, and the offset of the next page (null on the last).</summary>
public sealed record HubSpotListPage(IReadOnlyList<HubSpotList> Lists, int Total, int? NextOffset);

/// <summary>What one membership change did: the records that changed, and those HubSpot does not have (<c>recordIdsMissing</c>).</summary>
public sealed record ListMembershipChange(IReadOnlyList<string> Changed, IReadOnlyList<string> Missing);

/// <summary>One page of a list's members, the cursor of the next page (null on the last) and the list's size when HubSpot says.</summary>
public sealed record ListMembershipPage(IReadOnlyList<ListMembership> Members, string? NextAfter, int? Total);

// Wire shapes; every field optional.
internal sealed record ListDto(string? ListId, string? Name, string? ObjectTypeId, string? ProcessingType, int? Size, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt,
    Dictionary<string, string?>? AdditionalProperties)
{
    public HubSpotList ToList() => new(
        ListId ?? "", Name ?? "", ObjectTypeId, ProcessingType,
        Size ?? (int.TryParse(AdditionalProperties?.GetValueOrDefault("hs_list_size"), out var size) ? size : null), CreatedAt, UpdatedAt);
}

internal sealed record ListEnvelopeDto(ListDto? List);

internal sealed record ListSearchDto(List<ListDto>? Lists, bool HasMore, int? Offset, int? Total);

internal sealed record MembershipChangeDto(List<string>? RecordsIdsAdded, List<string>? RecordIdsAdded, List<string>? RecordIdsRemoved, List<string>? RecordIdsMissing);
