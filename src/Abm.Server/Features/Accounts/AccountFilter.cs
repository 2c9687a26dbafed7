using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Mvc;

namespace Abm.Server.Features.Accounts;

internal enum AccountSort { Name, Score, Velocity, Coverage, Stage, Tier, Industry, Owner, Contacts }

/// <summary>What the account list shows: filters, sort and page. The API and the dashboard both build one.</summary>
internal sealed record AccountFilter
{
    public static readonly IReadOnlyDictionary<string, AccountSort> SortNames = new Dictionary<string, AccountSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = AccountSort.Name, ["score"] = AccountSort.Score, ["velocity"] = AccountSort.Velocity, ["coverage"] = AccountSort.Coverage,
        ["stage"] = AccountSort.Stage, ["tier"] = AccountSort.Tier, ["industry"] = AccountSort.Industry, ["owner"] = AccountSort.Owner,
        ["contacts"] = AccountSort.Contacts,
    };

    public AccountSort Sort { get; init; } = AccountSort.Score;
    public bool Descending { get; init; } = true;
    public int Limit { get; init; } = QueryReader.DefaultLimit;
    public int Offset { get; init; }
    public double? MinScore { get; init; }
    public double? MaxScore { get; init; }
    public double? MinVelocity { get; init; }
    public double? MaxVelocity { get; init; }
    public double? MinCoverage { get; init; }
    public double? MaxCoverage { get; init; }
    public string? Stage { get; init; }
    public string? Tier { get; init; }
    public string? Industry { get; init; }
    /// <summary>The owner's HubSpot id.</summary>
    public string? Owner { get; init; }
    /// <summary>Part of the name or domain, any case.</summary>
    public string? Search { get; init; }
    public string? HubSpotId { get; init; }
    public Guid? Id { get; init; }

    public string SortName => SortNames.First(s => s.Value == Sort).Key;

    /// <summary>Names and numbers sort ascending by default; scores, velocity, coverage, contacts and stage (furthest along first) descending.</summary>
    public static bool NaturallyDescending(AccountSort sort) => sort is AccountSort.Score or AccountSort.Velocity or AccountSort.Coverage or AccountSort.Contacts or AccountSort.Stage;

    /// <summary>The list's query string for these filters and sort (paging left out): what the dashboard's export link sends.</summary>
    public string ToQueryString() => ListQueryString.Of(
        ("sort", SortName), ("order", Descending ? "desc" : "asc"),
        ("minScore", ListQueryString.Number(MinScore)), ("maxScore", ListQueryString.Number(MaxScore)),
        ("minVelocity", ListQueryString.Number(MinVelocity)), ("maxVelocity", ListQueryString.Number(MaxVelocity)),
        ("minCoverage", ListQueryString.Number(MinCoverage)), ("maxCoverage", ListQueryString.Number(MaxCoverage)),
        ("stage", Stage), ("tier", Tier), ("industry", Industry), ("owner", Owner), ("search", Search));

    public static AccountFilter Read(AccountListParameters query, QueryReader reader)
    {
        var sort = reader.Choice("sort", query.Sort, SortNames, AccountSort.Score);
        var (minScore, maxScore) = reader.Range("minScore", query.MinScore, "maxScore", query.MaxScore, 0, 100);
        var (minVelocity, maxVelocity) = reader.Range("minVelocity", query.MinVelocity, "maxVelocity", query.MaxVelocity, -100, 100);
        var (minCoverage, maxCoverage) = reader.Range("minCoverage", query.MinCoverage, "maxCoverage", query.MaxCoverage, 0, 100);
        return new AccountFilter
        {
            Sort = sort,
            Descending = reader.Descending(query.Order, NaturallyDescending(sort)),
            Limit = reader.Integer("limit", query.Limit, QueryReader.DefaultLimit, 1, QueryReader.MaxLimit),
            Offset = reader.Integer("offset", query.Offset, 0, 0, int.MaxValue),
            MinScore = minScore, MaxScore = maxScore, MinVelocity = minVelocity, MaxVelocity = maxVelocity, MinCoverage = minCoverage, MaxCoverage = maxCoverage,
            Stage = reader.Known("stage", query.Stage, JourneyOrder.StageNames),
            Tier = reader.Text("tier", query.Tier),
            Industry = reader.Text("industry", query.Industry),
            Owner = reader.Text("owner", query.Owner),
            Search = reader.Text("search", query.Search),
        };
    }
}

/// <summary>The account list's query string as sent; <see cref="AccountFilter.Read"/> checks it.</summary>
internal sealed class AccountListParameters
{
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "order")] public string? Order { get; set; }
    [FromQuery(Name = "limit")] public string? Limit { get; set; }
    [FromQuery(Name = "offset")] public string? Offset { get; set; }
    [FromQuery(Name = "minScore")] public string? MinScore { get; set; }
    [FromQuery(Name = "maxScore")] public string? MaxScore { get; set; }
    [FromQuery(Name = "minVelocity")] public string? MinVelocity { get; set; }
    [FromQuery(Name = "maxVelocity")] public string? MaxVelocity { get; set; }
    [FromQuery(Name = "minCoverage")] public string? MinCoverage { get; set; }
    [FromQuery(Name = "maxCoverage")] public string? MaxCoverage { get; set; }
    [FromQuery(Name = "stage")] public string? Stage { get; set; }
    [FromQuery(Name = "tier")] public string? Tier { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "owner")] public string? Owner { get; set; }
    [FromQuery(Name = "search")] public string? Search { get; set; }
}
