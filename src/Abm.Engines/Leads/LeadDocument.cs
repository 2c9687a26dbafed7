namespace Abm.Engines.Leads;

/// <summary>
/// The text an embedding model reads for a lead or an ideal-client example. Both speak the same feature words
/// (<c>industry:technology</c>, <c>size:201-1000</c>, <c>tech:hubspot</c>), so a lead and an example that share
/// firmographics share words, whatever model embeds them.
/// </summary>
public static class LeadDocument
{
    private static readonly (decimal Upper, string Name)[] SizeBands = [(50, "1-50"), (200, "51-200"), (1000, "201-1000"), (5000, "1001-5000"), (decimal.MaxValue, "5000+")];
    private static readonly (decimal Upper, string Name)[] RevenueBands = [(10_000_000, "under-10m"), (100_000_000, "10m-100m"), (1_000_000_000, "100m-1b"), (decimal.MaxValue, "1b+")];

    /// <summary>The lead as feature words plus its title.</summary>
    public static string Of(LeadFacts lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var words = new List<string>();
        Add(words, "industry", lead.Industry);
        if (lead.Employees is { } employees)
        {
            words.Add($"size:{BandOf(SizeBands, employees)}");
        }

        if (lead.AnnualRevenue is { } revenue)
        {
            words.Add($"revenue:{BandOf(RevenueBands, revenue)}");
        }

        Add(words, "country", lead.Country);
        words.AddRange(lead.Technologies.Select(t => $"tech:{Word(t)}"));
        Add(words, "persona", lead.Persona);
        words.Add($"seniority:{FallbackLeadScorer.SeniorityOf(lead.JobTitle).ToString().ToLowerInvariant()}");
        if (lead.WonDeals > 0)
        {
            words.Add("deals:won");
        }

        return string.Join(' ', words) + (string.IsNullOrWhiteSpace(lead.JobTitle) ? "" : $"{TitleMarker}{lead.JobTitle.Trim()}");
    }

    /// <summary>
    /// The document as plain words, for a sentence-embedding model: each feature word without its key and with spaces
    /// for underscores (<c>industry:financial_services tech:aws</c> reads <c>financial services aws</c>), then the title as
    /// is. A transformer's cost grows with its tokens, and the keys and separators are about half of a document's tokens
    /// while the values carry its meaning: MiniLM embeds the plain form in about half the time.
    /// </summary>
    public static string PlainWords(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var titleAt = document.IndexOf(TitleMarker, StringComparison.Ordinal);
        var features = titleAt < 0 ? document : document[..titleAt];
        var words = features.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word[(word.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace('_', ' '))
            .Where(word => word.Length > 0)
            .ToList();
        if (titleAt >= 0)
        {
            words.Add(document[(titleAt + TitleMarker.Length)..]);
        }

        return string.Join(' ', words);
    }

    private const string TitleMarker = " title: ";

    /// <summary>An ideal-client criteria set as feature words: every band its ranges cover.</summary>
    public static string Of(IdealClientCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var words = new List<string>();
        words.AddRange(criteria.Industries.Select(i => $"industry:{Word(i)}"));
        words.AddRange(BandsIn(SizeBands, criteria.Employees).Select(b => $"size:{b}"));
        words.AddRange(BandsIn(RevenueBands, criteria.Revenue).Select(b => $"revenue:{b}"));
        words.AddRange(criteria.Countries.Select(c => $"country:{Word(c)}"));
        words.AddRange(criteria.Technologies.Select(t => $"tech:{Word(t)}"));
        words.Add("seniority:executive");
        return string.Join(' ', words);
    }

    private static void Add(List<string> words, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            words.Add($"{key}:{Word(value)}");
        }
    }

    private static string Word(string value) => value.Trim().ToLowerInvariant().Replace(' ', '_');

    private static string BandOf((decimal Upper, string Name)[] bands, decimal value) => bands.First(b => value <= b.Upper).Name;

    private static IEnumerable<string> BandsIn((decimal Upper, string Name)[] bands, ValueRange range)
    {
        if (!range.IsSet)
        {
            yield break;
        }

        var lower = 0m;
        foreach (var (upper, name) in bands)
        {
            if ((range.Max is null || lower <= range.Max) && (range.Min is null || upper >= range.Min))
            {
                yield return name;
            }

            lower = upper;
        }
    }
}
