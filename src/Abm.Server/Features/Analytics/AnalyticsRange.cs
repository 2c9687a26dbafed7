using System.Globalization;
using Abm.Engines.Analytics;
using Abm.Server.Features.Listing;

namespace Abm.Server.Features.Analytics;

/// <summary>
/// The days an analytics answer covers (UTC, both inclusive) and its period. Absent: the last twelve months to today
/// by month. <see cref="Read"/> collects every problem under its parameter's name.
/// </summary>
internal sealed record AnalyticsRange(DateOnly From, DateOnly To, AnalyticsPeriod Period)
{
    /// <summary>Five years: 260 weekly buckets at most, and more than any marketing review looks back.</summary>
    public const int MaxYears = 5;

    private static readonly IReadOnlyDictionary<string, AnalyticsPeriod> Periods = new Dictionary<string, AnalyticsPeriod>(StringComparer.OrdinalIgnoreCase)
    {
        ["week"] = AnalyticsPeriod.Week,
        ["month"] = AnalyticsPeriod.Month,
        ["quarter"] = AnalyticsPeriod.Quarter,
    };

    /// <summary>The first moment of <see cref="From"/>, UTC.</summary>
    public DateTime StartUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first moment after <see cref="To"/>, UTC (the range's exclusive end).</summary>
    public DateTime EndUtc => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public string PeriodName => Period.ToString().ToLowerInvariant();

    public static AnalyticsRange? Read(string? from, string? to, string? period, DateOnly today, QueryReader reader)
    {
        var chosen = reader.Choice("period", period, Periods, AnalyticsPeriod.Month);
        var end = Day("to", to, reader) ?? today;
        var start = Day("from", from, reader) ?? end.AddYears(-1).AddDays(1);
        if (reader.HasErrors)
        {
            return null;
        }

        if (start > end)
        {
            reader.Fail("from", $"from ({start:yyyy-MM-dd}) must not be after to ({end:yyyy-MM-dd}).");
        }
        else if (start < end.AddYears(-MaxYears))
        {
            reader.Fail("from", $"The range may span at most {MaxYears} years; from must be on or after {end.AddYears(-MaxYears):yyyy-MM-dd} for this to.");
        }

        return reader.HasErrors ? null : new AnalyticsRange(start, end, chosen);
    }

    private static DateOnly? Day(string parameter, string? text, QueryReader reader)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 2000 && day.Year <= 2100)
        {
            return day;
        }

        reader.Fail(parameter, $"{parameter} must be a day written yyyy-MM-dd between 2000 and 2100, e.g. 2026-01-31.");
        return null;
    }
}
