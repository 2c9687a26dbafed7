using System.Globalization;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Search;

internal sealed record SearchFilter(string PropertyName, string Operator, string? Value, IReadOnlyList<string> Values, string? HighValue);

internal sealed record SearchSort(string PropertyName, bool Descending);

/// <summary>A parsed search body, checked against HubSpot's limits on groups, filters, sorts and paging.</summary>
internal sealed record SearchRequest(
    IReadOnlyList<IReadOnlyList<SearchFilter>> FilterGroups,
    SearchSort? Sort,
    string? Query,
    IReadOnlyList<string>? Properties,
    int Limit,
    int Offset)
{
    public const int MaxGroups = 5;
    public const int MaxFiltersPerGroup = 6;
    public const int MaxFilters = 18;
    public const int MaxLimit = 200;
    public const int MaxResults = 10_000;

    /// <summary>The free-text query as the wildcard pattern it is matched with (a word prefix), or null.</summary>
    public string? QueryPattern => Query is null ? null : Query + "*";

    public static (SearchRequest? Request, HubSpotError? Error) Parse(JsonObject body)
    {
        var groups = new List<IReadOnlyList<SearchFilter>>();
        foreach (var group in body["filterGroups"] as JsonArray ?? [])
        {
            var filters = new List<SearchFilter>();
            foreach (var filter in group?["filters"] as JsonArray ?? [])
            {
                var name = JsonBody.StringOf(filter?["propertyName"]);
                var op = JsonBody.StringOf(filter?["operator"])?.ToUpperInvariant();
                if (name is null || op is null || !CompiledSearch.IsKnownOperator(op))
                {
                    return Fail($"Invalid filter: propertyName and a valid operator are required, got {filter?.ToJsonString()}");
                }

                filters.Add(new SearchFilter(name, op, JsonBody.StringOf(filter?["value"]), JsonBody.StringsOf(filter?["values"]), JsonBody.StringOf(filter?["highValue"])));
            }

            if (filters.Count > MaxFiltersPerGroup)
            {
                return Fail($"Too many filters in a filter group: {filters.Count} > {MaxFiltersPerGroup}");
            }

            groups.Add(filters);
        }

        if (groups.Count > MaxGroups)
        {
            return Fail($"Too many filter groups: {groups.Count} > {MaxGroups}");
        }

        var filterCount = groups.Sum(g => g.Count);
        if (filterCount > MaxFilters)
        {
            return Fail($"Too many filters: {filterCount} > {MaxFilters}");
        }

        var sorts = body["sorts"] as JsonArray ?? [];
        if (sorts.Count > 1)
        {
            return Fail("Only one sort is allowed per search request");
        }

        var limit = JsonBody.IntOf(body["limit"]) ?? 10;
        if (limit is < 0 or > MaxLimit)
        {
            return Fail($"limit must be between 0 and {MaxLimit}, got {limit}");
        }

        var afterText = JsonBody.StringOf(body["after"]);
        var offset = 0;
        if (afterText is not null && !int.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return Fail($"after is not a valid paging cursor: {afterText}");
        }

        if (offset >= MaxResults)
        {
            return Fail($"Search results are limited to {MaxResults} records; narrow the query instead of paging past it (after={offset})");
        }

        var properties = body["properties"] is null ? null : JsonBody.StringsOf(body["properties"]);
        var query = JsonBody.StringOf(body["query"]);
        return (new SearchRequest(groups, ParseSort(sorts.FirstOrDefault()), string.IsNullOrWhiteSpace(query) ? null : query.Trim(), properties, limit, offset), null);
    }

    // Sorts come as {propertyName, direction} objects or as "name" / "-name" strings.
    private static SearchSort? ParseSort(JsonNode? sort) => sort switch
    {
        null => null,
        JsonObject obj => new SearchSort(
            JsonBody.StringOf(obj["propertyName"]) ?? "hs_object_id",
            string.Equals(JsonBody.StringOf(obj["direction"]), "DESCENDING", StringComparison.OrdinalIgnoreCase)),
        _ when JsonBody.StringOf(sort) is { } text => new SearchSort(text.TrimStart('-'), text.StartsWith('-')),
        _ => null,
    };

    private static (SearchRequest?, HubSpotError?) Fail(string message) => (null, HubSpotErrors.Validation(message));
}
