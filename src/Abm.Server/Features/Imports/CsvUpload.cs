using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Imports;

/// <summary>What an upload must be sent as, and what a caller who sent something else is told.</summary>
internal sealed record UploadKind(string[] ContentTypes, string Title, string Detail)
{
    public static readonly UploadKind Csv = new(["text/csv"], "CSV expected", "Send the file as the request body with 'Content-Type: text/csv'.");

    public static readonly UploadKind Ndjson = new(["application/x-ndjson", "application/jsonl"], "Newline-delimited JSON expected",
        "Send the file as the request body with 'Content-Type: application/x-ndjson' (one JSON object a line).");
}

/// <summary>
/// Takes a CSV (or another file's) upload off the wire into a temporary file before anything is imported, holding it to
/// <see cref="MaxBytes"/> while it streams in: a declared length is refused at once, a chunked body when it
/// passes the limit. An oversized file is refused whole, so no part of it is imported.
/// </summary>
internal static class CsvUpload
{
    public const long MaxBytes = 50L * 1024 * 1024;
    private const int CopyBufferBytes = 81_920;

    /// <summary>The body as a readable file (deleted when disposed), or the problem that refuses it.</summary>
    public static Task<(Stream? File, ProblemHttpResult? Problem)> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReceiveAsync(request, UploadKind.Csv, cancellationToken);

    public static async Task<(Stream? File, ProblemHttpResult? Problem)> ReceiveAsync(HttpRequest request, UploadKind kind, CancellationToken cancellationToken)
    {
        if (!kind.ContentTypes.Any(type => request.ContentType?.StartsWith(type, StringComparison.OrdinalIgnoreCase) == true))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: kind.Title, detail: kind.Detail));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        // The server's own limit (30,000,000 bytes on Kestrel) would stop a file this endpoint accepts; the
        // count below enforces this endpoint's.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = null;
        }

        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"abm-upload-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, CopyBufferBytes, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            if (!await CopyWithinLimitAsync(request.Body, file, cancellationToken))
            {
                await file.DisposeAsync();
                return (null, TooLarge());
            }

            file.Position = 0;
            return (file, null);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> CopyWithinLimitAsync(Stream body, Stream file, CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferBytes];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                return false;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            detail: $"Files up to {MaxBytes / (1024 * 1024)} MB are accepted; split larger ones. Nothing of this file was imported.");
}
