using System.Text.Json;

namespace Abm.Server.Tests.Ga4;

/// <summary>Rows in the shape of GA4's BigQuery export, one JSON object a line.</summary>
internal static class Ga4Export
{
    public static readonly DateTimeOffset Base = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static string Row(
        string eventName, int minute, string? userId = null, string? browser = "browser-1", string? page = "https://www.vendor.example/blog/roi-guide",
        string? linkUrl = null, int? percentScrolled = null, string? title = "ROI guide") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["event_date"] = Base.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            // BigQuery exports write INT64 as a string; the importer reads either.
            ["event_timestamp"] = (Base.AddMinutes(minute).ToUnixTimeMilliseconds() * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["event_name"] = eventName,
            ["user_id"] = userId,
            ["user_pseudo_id"] = browser,
            ["event_params"] = new object?[]
            {
                page is null ? null : new { key = "page_location", value = new { string_value = page } },
                title is null ? null : new { key = "page_title", value = new { string_value = title } },
                linkUrl is null ? null : new { key = "link_url", value = new { string_value = linkUrl } },
                percentScrolled is null ? null : new { key = "percent_scrolled", value = new { int_value = percentScrolled } },
                new { key = "ga_session_id", value = new { int_value = 1_700_000_000 } },
            }.Where(p => p is not null).ToArray(),
        });

    public static string File(params string[] rows) => string.Join('\n', rows) + "\n";
}
