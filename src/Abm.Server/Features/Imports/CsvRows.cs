using System.Globalization;
using CsvHelper;

namespace Abm.Server.Features.Imports;

/// <summary>A CSV row as named cells, with the line it came from; header names are matched case-insensitively.</summary>
internal sealed record ImportRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string? Get(string column) => Cells.TryGetValue(column, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary>List cells separate values with ';' or '|', as spreadsheet exports of multi-selects do.</summary>
    public List<string> GetList(string column) =>
        Get(column)?.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];
}

internal static class CsvRows
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Header names are matched without case; the separator (',' ';' tab) is detected from the file.
        await using var csv = CsvReader.Create(body, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true }, leaveOpen: true);
        await csv.ReadHeaderAsync(cancellationToken);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        while (await csv.ReadAsync(cancellationToken))
        {
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                cells[header[i]] = i < csv.FieldCount ? csv.GetString(i) : "";
            }

            yield return new ImportRow((int)csv.LineNumber, cells);
        }
    }

    public static bool TryParseTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
        || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epochMs) && TryFromEpoch(epochMs, out value));

    private static bool TryFromEpoch(long epochMs, out DateTimeOffset value)
    {
        value = default;
        if (epochMs is < 0 or > 253_402_300_799_999)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
        return true;
    }
}
