using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Content;

/// <summary>What the content list may be ordered by.</summary>
internal enum ContentSort { Title, Type, Engagement, Conversion, Completion, Meetings, Contacts, Updated }

/// <summary>A page of the content library: search in title and topic, one type, an order, an offset and a limit.</summary>
internal sealed record ContentFilter
{
    public const int MaxLimit = Listing.QueryReader.MaxLimit;

    public string? Search { get; init; }
    public string? Type { get; init; }
    public ContentSort Sort { get; init; } = ContentSort.Title;
    public bool Descending { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;

    /// <summary>The query string of <c>GET /api/content</c> for this filter (without paging), for the CSV export.</summary>
    public string ToQueryString() => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["search"] = Search, ["type"] = Type, ["sort"] = Sort.ToString().ToLowerInvariant(), ["order"] = Descending ? "desc" : "asc",
    }.Where(p => p.Value is not null)).ToString();

    /// <summary>Reads the route's query string; the error names the parameter, or is null.</summary>
    public static (ContentFilter? Filter, string? Field, string? Error) Read(string? search, string? type, string? sort, string? order, int? limit, int? offset)
    {
        var (take, skip) = (limit ?? 50, offset ?? 0);
        if (take is < 1 or > MaxLimit)
        {
            return (null, "limit", $"limit must be 1..{MaxLimit}.");
        }

        if (skip < 0)
        {
            return (null, "offset", "offset must be at least 0.");
        }

        if (sort is not null && (!Enum.TryParse<ContentSort>(sort, ignoreCase: true, out _) || int.TryParse(sort, out _)))
        {
            return (null, "sort", "sort must be title, type, engagement, conversion, completion, meetings, contacts or updated.");
        }

        if (order is not null and not "asc" and not "desc")
        {
            return (null, "order", "order must be asc or desc.");
        }

        var by = sort is null ? ContentSort.Title : Enum.Parse<ContentSort>(sort, ignoreCase: true);
        return (new ContentFilter
        {
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Type = string.IsNullOrWhiteSpace(type) ? null : type.Trim(),
            Sort = by,
            Descending = order is null ? NaturallyDescending(by) : order == "desc",
            Offset = skip,
            Limit = take,
        }, null, null);
    }

    /// <summary>Rates and counts read best first; names read A to Z.</summary>
    public static bool NaturallyDescending(ContentSort sort) => sort is not (ContentSort.Title or ContentSort.Type);
}

/// <summary>
/// The content library as the API and the dashboard list it. Performance is stored per item as a JSON document, so
/// the matching items are ordered in memory: a library holds hundreds to a few thousand items, not millions.
/// </summary>
internal sealed class ContentQuery(AbmDbContext database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ContentPage> ListAsync(ContentFilter filter, CancellationToken cancellationToken)
    {
        var query = database.ContentItems.AsNoTracking().Where(c => c.ArchivedAt == null);
        if (filter.Type is { } type)
        {
            query = query.Where(c => c.ContentType == type);
        }

        if (filter.Search is { } search)
        {
            var pattern = $"%{search.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(c => EF.Functions.Like(c.Title.ToLower(), pattern, "\\") || (c.Topic != null && EF.Functions.Like(c.Topic.ToLower(), pattern, "\\")));
        }

        var items = await query.ToListAsync(cancellationToken);
        var rows = items.Select(i => (Item: i, Metrics: MetricsOf(i))).ToList();
        var ordered = Order(rows, filter).ThenBy(r => r.Item.Title, StringComparer.Ordinal).ThenBy(r => r.Item.Id);
        var page = ordered.Skip(filter.Offset).Take(filter.Limit).Select(r => ContentItemResponse.From(r.Item)).ToList();
        return new ContentPage(page, rows.Count, filter.Limit, filter.Offset);
    }

    /// <summary>An item's stored performance; all zero before it was first computed.</summary>
    public static ContentPerformanceMetrics MetricsOf(ContentItem item) => Parse(item.PerformanceMetrics);

    /// <summary>A stored performance document, typed; all zero when empty or unreadable.</summary>
    public static ContentPerformanceMetrics ParseMetrics(string json) => Parse(json);

    /// <summary>The performance document of an API answer, typed.</summary>
    public static ContentPerformanceMetrics MetricsOf(ContentItemResponse item) => Parse(item.Performance.GetRawText());

    private static ContentPerformanceMetrics Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ContentPerformanceMetrics>(json, Json) ?? Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static readonly ContentPerformanceMetrics Empty = new(0, 0, 0, 0, 0, default);

    private static IOrderedEnumerable<(ContentItem Item, ContentPerformanceMetrics Metrics)> Order(
        IEnumerable<(ContentItem Item, ContentPerformanceMetrics Metrics)> rows, ContentFilter filter)
    {
        Func<(ContentItem Item, ContentPerformanceMetrics Metrics), IComparable> key = filter.Sort switch
        {
            ContentSort.Type => r => r.Item.ContentType,
            ContentSort.Engagement => r => r.Metrics.EngagementRate,
            ContentSort.Conversion => r => r.Metrics.ConversionRate,
            ContentSort.Completion => r => r.Metrics.CompletionRate,
            ContentSort.Meetings => r => r.Metrics.Meetings,
            ContentSort.Contacts => r => r.Metrics.Contacts,
            ContentSort.Updated => r => r.Item.UpdatedAt,
            _ => r => r.Item.Title,
        };
        return filter.Descending ? rows.OrderByDescending(key, Comparer<IComparable>.Create(CompareOrdinal)) : rows.OrderBy(key, Comparer<IComparable>.Create(CompareOrdinal));
    }

    private static int CompareOrdinal(IComparable? a, IComparable? b) =>
        a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<IComparable>.Default.Compare(a!, b!);
}
