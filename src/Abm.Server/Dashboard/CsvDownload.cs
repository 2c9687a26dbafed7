using System.Globalization;
using Abm.Server.Features.Listing;
using CsvHelper;

namespace Abm.Server.Dashboard;

/// <summary>
/// A grid's CSV: every row its filters match (not only the page on screen), in its order, read page by page
/// through the same query the API and the grid use.
/// </summary>
internal static class CsvDownload
{
    private const int PageSize = QueryReader.MaxLimit;

    /// <param name="fileName">The name the browser saves the file under.</param>
    /// <param name="headers">The first line: one name per column.</param>
    /// <param name="page">Reads the rows from an offset, at most <see cref="QueryReader.MaxLimit"/> of them.</param>
    /// <param name="fields">A row's fields in the order of <paramref name="headers"/>.</param>
    /// <param name="cancellationToken">The request's.</param>
    public static async Task<IResult> DownloadAsync<TRow>(
        string fileName, IReadOnlyList<string> headers, Func<int, int, Task<IReadOnlyList<TRow>>> page, Func<TRow, string?[]> fields, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await WriteAsync(buffer, headers, page, fields, cancellationToken);
        buffer.Position = 0;
        return TypedResults.File(buffer, "text/csv", fileName);
    }

    /// <summary>Writes the CSV to <paramref name="output"/>, which is left open.</summary>
    public static async Task WriteAsync<TRow>(
        Stream output, IReadOnlyList<string> headers, Func<int, int, Task<IReadOnlyList<TRow>>> page, Func<TRow, string?[]> fields, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        await WriteRecordAsync(csv, headers, cancellationToken);
        for (var offset = 0; ; offset += PageSize)
        {
            var rows = await page(offset, PageSize);
            foreach (var row in rows)
            {
                await WriteRecordAsync(csv, fields(row), cancellationToken);
            }

            if (rows.Count < PageSize)
            {
                break;
            }
        }
    }

    public static string Number(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static async Task WriteRecordAsync(CsvWriter csv, IEnumerable<string?> fields, CancellationToken cancellationToken)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field ?? "");
        }

        await csv.EndRecordAsync(cancellationToken);
    }
}
