using System.Text;

namespace Abm.Server.Tests.Fuzz;

/// <summary>CSV files for the import routes: a plausible header and rows, then one kind of damage.</summary>
public static class BrokenCsv
{
    private static readonly string[] EventColumns = ["client_event_id", "type", "occurred_at", "contact_hubspot_id", "contact_email", "content_id", "content_external_id", "duration_seconds", "metadata"];
    private static readonly string[] ContentColumns = ["external_id", "title", "content_type", "complexity", "topic", "url", "target_industries", "target_personas", "target_journey_stages", "published_at", "duration_minutes"];

    private static readonly string[] Cells =
    [
        "0001-01-01", "9999-12-31T23:59:59Z", "1899-12-31", "-1", "253402300800000", "99999999999999999999", "1e400", "NaN", "2147483648",
        "\"unterminated", "a\"b", "\"\"\"", "{\"k\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        "{not json", "[1,2]", "null", "", " ", "email_open", "website_visit", "whitepaper", "basic", "x;y|z", "https://example.com/a",
    ];

    public static byte[] Create(Random random, bool events, FuzzWorld world)
    {
        var columns = events ? EventColumns : ContentColumns;
        var text = new StringBuilder();
        var header = columns.OrderBy(_ => random.Next()).Take(random.Next(1, columns.Length + 1)).ToList();
        text.AppendJoin(random.Next(3) switch { 0 => ";", 1 => "\t", _ => "," }, header).Append('\n');
        for (var row = 0; row < random.Next(1, 6); row++)
        {
            text.AppendJoin(',', header.Select(column => Cell(column, random, world))).Append(random.Next(4) == 0 ? "\r\n" : "\n");
        }

        var csv = text.ToString();
        return random.Next(10) switch
        {
            0 => Encoding.UTF8.GetBytes(csv[..random.Next(csv.Length)]),
            1 => [.. Encoding.UTF8.GetBytes(csv), 0xFF, 0xFE, 0x00, 0xC3],
            2 => Encoding.UTF8.GetBytes(csv + new string('"', random.Next(1, 4))),
            3 => Encoding.UTF8.GetBytes(csv.Replace(",", ",,,,", StringComparison.Ordinal)),
            4 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("a,", 5_000)) + "\n" + csv),
            5 => Encoding.UTF8.GetBytes("\uFEFF" + csv + "\0"),
            6 => [],
            _ => Encoding.UTF8.GetBytes(csv),
        };
    }

    private static string Cell(string column, Random random, FuzzWorld world)
    {
        if (random.Next(3) == 0)
        {
            var hostile = random.Next(4) == 0 ? BadValues.ControlTexts[random.Next(BadValues.ControlTexts.Length)] : Cells[random.Next(Cells.Length)];
            return random.Next(2) == 0 ? $"\"{hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : hostile;
        }

        return column switch
        {
            "type" => "email_open",
            "occurred_at" or "published_at" => world.Now.AddDays(-random.Next(0, 400)).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            "contact_email" => world.ContactEmail,
            "contact_hubspot_id" => world.ContactHubSpotId,
            "content_id" => world.ContentId.ToString(),
            "content_type" => "whitepaper",
            "title" => $"Fuzz {random.Next(1000)}",
            "duration_seconds" or "duration_minutes" => random.Next(1, 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => $"v{random.Next(1000)}",
        };
    }
}
