using Abm.Engines;
using Abm.Engines.Personas;
using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Mvc;

namespace Abm.Server.Features.Contacts;

internal enum ContactSort { Name, Score, Stage, Persona, Email, LastInteraction, Updated, LeadPriority }

/// <summary>What the contact list shows: filters, sort and page. The API and the dashboard both build one.</summary>
internal sealed record ContactFilter
{
    public static readonly IReadOnlyDictionary<string, ContactSort> SortNames = new Dictionary<string, ContactSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = ContactSort.Name, ["score"] = ContactSort.Score, ["stage"] = ContactSort.Stage, ["persona"] = ContactSort.Persona,
        ["email"] = ContactSort.Email, ["lastInteraction"] = ContactSort.LastInteraction, ["updated"] = ContactSort.Updated,
        ["leadPriority"] = ContactSort.LeadPriority,
    };

    /// <summary>The lead priorities the list filters by; <c>none</c>: not scored as a lead yet.</summary>
    public const string NoLeadPriority = "none";

    public static readonly IReadOnlyList<string> LeadPriorityNames = [.. Leads.LeadPriorities.All, NoLeadPriority];

    public static readonly IReadOnlyList<string> PersonaNames = [.. Enum.GetValues<Persona>().Select(p => p.ToWireName())];

    public ContactSort Sort { get; init; } = ContactSort.Name;
    public bool Descending { get; init; }
    public int Limit { get; init; } = QueryReader.DefaultLimit;
    public int Offset { get; init; }
    public double? MinScore { get; init; }
    public double? MaxScore { get; init; }
    public string? Stage { get; init; }
    public string? Persona { get; init; }
    /// <summary>high, medium, low (the current lead score's priority) or none.</summary>
    public string? LeadPriority { get; init; }
    public string? Segment { get; init; }
    public Guid? CompanyId { get; init; }
    /// <summary>The owner's HubSpot id.</summary>
    public string? Owner { get; init; }
    /// <summary>Part of the name or email, any case.</summary>
    public string? Search { get; init; }
    public string? HubSpotId { get; init; }
    /// <summary>An exact email address, any case.</summary>
    public string? Email { get; init; }
    public Guid? Id { get; init; }

    public string SortName => SortNames.First(s => s.Value == Sort).Key;

    public static bool NaturallyDescending(ContactSort sort) => sort is ContactSort.Score or ContactSort.Stage or ContactSort.LastInteraction or ContactSort.Updated or ContactSort.LeadPriority;

    /// <summary>The list's query string for these filters and sort (paging left out): what the dashboard's export link sends.</summary>
    public string ToQueryString() => ListQueryString.Of(
        ("sort", SortName), ("order", Descending ? "desc" : "asc"),
        ("minScore", ListQueryString.Number(MinScore)), ("maxScore", ListQueryString.Number(MaxScore)),
        ("stage", Stage), ("persona", Persona), ("leadPriority", LeadPriority), ("segment", Segment), ("companyId", CompanyId?.ToString()), ("owner", Owner), ("search", Search));

    public static ContactFilter Read(ContactListParameters query, QueryReader reader)
    {
        var sort = reader.Choice("sort", query.Sort, SortNames, ContactSort.Name);
        var (minScore, maxScore) = reader.Range("minScore", query.MinScore, "maxScore", query.MaxScore, 0, 100);
        return new ContactFilter
        {
            Sort = sort,
            Descending = reader.Descending(query.Order, NaturallyDescending(sort)),
            Limit = reader.Integer("limit", query.Limit, QueryReader.DefaultLimit, 1, QueryReader.MaxLimit),
            Offset = reader.Integer("offset", query.Offset, 0, 0, int.MaxValue),
            MinScore = minScore,
            MaxScore = maxScore,
            Stage = reader.Known("stage", query.Stage, JourneyOrder.StageNames),
            Persona = reader.Known("persona", query.Persona, PersonaNames),
            LeadPriority = reader.Known("leadPriority", query.LeadPriority, LeadPriorityNames),
            Segment = reader.Text("segment", query.Segment),
            CompanyId = reader.Id("companyId", query.CompanyId),
            Owner = reader.Text("owner", query.Owner),
            Search = reader.Text("search", query.Search),
        };
    }
}

/// <summary>The contact list's query string as sent; <see cref="ContactFilter.Read"/> checks it.</summary>
internal sealed class ContactListParameters
{
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "order")] public string? Order { get; set; }
    [FromQuery(Name = "limit")] public string? Limit { get; set; }
    [FromQuery(Name = "offset")] public string? Offset { get; set; }
    [FromQuery(Name = "minScore")] public string? MinScore { get; set; }
    [FromQuery(Name = "maxScore")] public string? MaxScore { get; set; }
    [FromQuery(Name = "stage")] public string? Stage { get; set; }
    [FromQuery(Name = "persona")] public string? Persona { get; set; }
    [FromQuery(Name = "leadPriority")] public string? LeadPriority { get; set; }
    [FromQuery(Name = "segment")] public string? Segment { get; set; }
    [FromQuery(Name = "companyId")] public string? CompanyId { get; set; }
    [FromQuery(Name = "owner")] public string? Owner { get; set; }
    [FromQuery(Name = "search")] public string? Search { get; set; }
}
