using System.Globalization;
using System.Text;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>Writes the catalogue in exactly the columns of ABM Engine's content import, lists joined with ';'.</summary>
internal static class ContentCatalogueCsv
{
    public const string Header = "external_id,title,content_type,complexity,topic,url,target_industries,target_personas,target_journey_stages,published_at,duration_minutes";

    public static string Write(IEnumerable<MarketContentItem> items)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var item in items)
        {
            string[] cells =
            [
                item.ExternalId, item.Title, item.ContentType, item.Complexity, item.Topic, item.Url,
                string.Join(';', item.TargetIndustries), string.Join(';', item.TargetPersonas), string.Join(';', item.TargetJourneyStages),
                item.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                item.DurationMinutes.ToString(CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', cells.Select(Escape)).Append('\n');
        }

        return csv.ToString();
    }

    // RFC 4180: a cell with a separator, quote or line break is quoted and its quotes doubled.
    private static string Escape(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
