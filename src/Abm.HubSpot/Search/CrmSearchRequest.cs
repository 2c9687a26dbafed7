using Abm.HubSpot.Crm;

namespace Abm.HubSpot.Search;

/// <summary>
/// One search filter. <see cref="Operator"/> is HubSpot's (EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN,
/// HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN); dates compare as epoch milliseconds.
/// </summary>
public sealed record CrmSearchFilter(string PropertyName, string Operator, string? Value = null, IReadOnlyList<string>? Values = null, string? HighValue = null);

/// <summary>The one sort HubSpot allows per search.</summary>
public sealed record CrmSearchSort(string PropertyName, bool Descending = false);

/// <summary>
/// A CRM search: filters AND within a group and OR across groups (at most 5 groups, 6 filters each, 18 in
/// all), one sort, up to 200 results per page and 10,000 per query.
/// </summary>
public sealed record CrmSearchRequest
{
    public IReadOnlyList<IReadOnlyList<CrmSearchFilter>> FilterGroups { get; init; } = [];

    public CrmSearchSort? Sort { get; init; }

    /// <summary>Free-text query over the type's searchable properties.</summary>
    public string? Query { get; init; }

    /// <summary>Properties to return; null returns the type's defaults.</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    /// <summary>Results per page, at most 200.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Cursor of the page to read, from <see cref="CrmSearchPage.After"/>.</summary>
    public string? After { get; init; }
}

/// <summary>A page of search results, the query's total match count, and the cursor of the next page.</summary>
public sealed record CrmSearchPage(IReadOnlyList<CrmRecord> Results, int Total, string? After);

internal sealed record SearchSortDto(string PropertyName, string Direction);

internal sealed record SearchFilterGroupDto(IReadOnlyList<CrmSearchFilter> Filters);

internal sealed record SearchBodyDto(
    IReadOnlyList<SearchFilterGroupDto> FilterGroups,
    IReadOnlyList<SearchSortDto> Sorts,
    string? Query,
    IReadOnlyList<string>? Properties,
    int Limit,
    string? After)
{
    public static SearchBodyDto From(CrmSearchRequest request) => new(
        request.FilterGroups.Select(g => new SearchFilterGroupDto(g)).ToList(),
        request.Sort is { } sort ? [new SearchSortDto(sort.PropertyName, sort.Descending ? "DESCENDING" : "ASCENDING")] : [],
        request.Query,
        request.Properties,
        Math.Clamp(request.Limit, 1, CrmSearchClient.MaxPageSize),
        request.After);
}
