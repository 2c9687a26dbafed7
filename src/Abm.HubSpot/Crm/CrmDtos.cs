namespace Abm.HubSpot.Crm;

// HubSpot's wire shapes for the objects API. Every field is optional: HubSpot omits what it does not know.
internal sealed record RecordDto(
    string? Id,
    Dictionary<string, string?>? Properties,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    bool Archived,
    Dictionary<string, AssociationListDto>? Associations,
    bool? New)
{
    public CrmRecord ToRecord() => new(
        Id ?? "",
        Properties ?? [],
        CreatedAt,
        UpdatedAt,
        Archived,
        Associations?.ToDictionary(
            a => a.Key,
            a => (IReadOnlyList<AssociatedObject>)(a.Value.Results ?? []).Select(r => new AssociatedObject(r.Id ?? "", r.Type)).ToList(),
            StringComparer.Ordinal) ?? [],
        New);
}

internal sealed record AssociationListDto(List<AssociationRefDto>? Results);

internal sealed record AssociationRefDto(string? Id, string? Type);

internal sealed record PageDto<T>(List<T>? Results, PagingDto? Paging, int? Total)
{
    /// <summary>The opaque cursor of the next page; null on the last page (no <c>paging.next</c>, or an empty cursor).</summary>
    public string? NextAfter => string.IsNullOrEmpty(Paging?.Next?.After) ? null : Paging.Next.After;
}

internal sealed record PagingDto(PagingNextDto? Next);

internal sealed record PagingNextDto(string? After);

internal sealed record BatchResponseDto<T>(string? Status, List<T>? Results, int? NumErrors, List<BatchErrorDto>? Errors);

internal sealed record BatchErrorDto(string? Status, string? Category, string? Message, Dictionary<string, List<string>>? Context);

internal sealed record GdprDeleteDto(string ObjectId, string? IdProperty);
