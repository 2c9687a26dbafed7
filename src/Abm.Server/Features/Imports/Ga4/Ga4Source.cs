using System.IO.Compression;

namespace Abm.Server.Features.Imports.Ga4;

/// <summary>
/// One newline-delimited JSON file of a GA4 export, opened once per pass (the import reads each file twice).
/// <c>.gz</c> files, as BigQuery writes them to Cloud Storage when asked to compress, are read through gzip.
/// </summary>
internal sealed record Ga4Source(string Name, Func<Stream> Open, bool LeaveOpen)
{
    /// <summary>The file extensions a folder import reads.</summary>
    public static readonly string[] Extensions = [".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz"];

    /// <summary>A file, or every export file in a folder (not its subfolders), in name order.</summary>
    public static IReadOnlyList<Ga4Source> FromPath(string path)
    {
        if (File.Exists(path))
        {
            return [OfFile(path)];
        }

        return Directory.Exists(path)
            ? [.. Directory.EnumerateFiles(path).Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal).Select(OfFile)]
            : throw new FileNotFoundException($"{path} is neither a file nor a folder.", path);
    }

    /// <summary>An uploaded body already in a seekable file, rewound for each pass and closed by its owner.</summary>
    public static Ga4Source OfUpload(Stream file) => new("upload", () =>
    {
        file.Position = 0;
        return file;
    }, LeaveOpen: true);

    private static Ga4Source OfFile(string path) => new(Path.GetFileName(path), () =>
    {
        Stream stream = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }, LeaveOpen: false);
}
