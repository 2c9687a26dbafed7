using Abm.HubSpot.Crm;

namespace Abm.HubSpot.Associations;

/// <summary>One association type between two records, e.g. <c>HUBSPOT_DEFINED</c> 279 (contact to company) or 1 labelled "Primary".</summary>
public sealed record AssociationType(string? Category, int TypeId, string? Label);

/// <summary>A record associated with the one read, and every type that links the two.</summary>
public sealed record AssociatedRecord(string ToObjectId, IReadOnlyList<AssociationType> Types);

/// <summary>
/// Associations read for many records: per input id, the associated records (an input with none may be
/// missing or map to an empty list), and per-input or per-chunk failures such as unknown ids.
/// </summary>
public sealed record AssociationBatchResult(IReadOnlyDictionary<string, IReadOnlyList<AssociatedRecord>> ByFromId, IReadOnlyList<CrmBatchError> Errors)
{
    /// <summary>The associated ids of <paramref name="fromId"/>; empty when it has none.</summary>
    public IReadOnlyList<string> IdsOf(string fromId) =>
        ByFromId.TryGetValue(fromId, out var associated) ? associated.Select(a => a.ToObjectId).ToList() : [];
}

// Wire shapes of the v4 batch read; every field optional. Object ids come as JSON numbers.
internal sealed record AssociationFromDto(string? Id);

internal sealed record AssociationToDto(long ToObjectId, List<AssociationType>? AssociationTypes);

internal sealed record AssociationReadResultDto(AssociationFromDto? From, List<AssociationToDto>? To);
