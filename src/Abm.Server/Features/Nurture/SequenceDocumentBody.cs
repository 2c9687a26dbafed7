using System.Text;
using System.Text.Json;
using Abm.Engines.Nurture;
using Microsoft.Net.Http.Headers;

namespace Abm.Server.Features.Nurture;

/// <summary>
/// A sequence document as a request sends it: JSON (<c>application/json</c>), or YAML (<c>application/yaml</c>,
/// <c>text/yaml</c>) read into the same JSON, so one reader checks both and names problems by the same JSON paths.
/// A body that does not read is a problem at <c>$</c> (a 400), never an error; another media type is refused (415).
/// </summary>
internal sealed class SequenceDocumentBody
{
    public static readonly string[] MediaTypes = ["application/json", "application/yaml", "text/yaml"];

    // Far beyond any real sequence; a bound on what a request can make the server read.
    private const int MaxChars = 1_000_000;

    private SequenceDocumentBody(JsonElement document, IReadOnlyList<SequenceProblem>? problems, bool unsupported) =>
        (Document, Problems, Unsupported) = (document, problems, unsupported);

    public JsonElement Document { get; }

    /// <summary>Why the body does not read as a document (at <c>$</c>); null when it does.</summary>
    public IReadOnlyList<SequenceProblem>? Problems { get; }

    /// <summary>The body is neither JSON nor YAML.</summary>
    public bool Unsupported { get; }

    public static async ValueTask<SequenceDocumentBody> BindAsync(HttpContext context)
    {
        var request = context.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        var yaml = mediaType is "application/yaml" or "text/yaml" or "application/x-yaml";
        var json = mediaType is "application/json" || mediaType?.EndsWith("+json", StringComparison.Ordinal) == true;
        if (!yaml && !json)
        {
            return new SequenceDocumentBody(default, null, unsupported: true);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxChars + 1];
        var length = 0;
        int read;
        while (length <= MaxChars && (read = await reader.ReadBlockAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
        {
            length += read;
        }

        return Read(new string(buffer, 0, length), yaml);
    }

    /// <summary>A document typed rather than sent (the dashboard's editor): read as the request body would be.</summary>
    public static SequenceDocumentBody Read(string text, bool yaml)
    {
        if (text.Length > MaxChars)
        {
            return Refused($"the document is longer than {MaxChars:N0} characters.");
        }

        if (yaml)
        {
            var (document, error) = YamlAsJson.Read(text);
            return error is null ? new SequenceDocumentBody(document, null, unsupported: false) : Refused($"the YAML does not read: {error}");
        }

        try
        {
            using var parsedJson = JsonDocument.Parse(text);
            return new SequenceDocumentBody(parsedJson.RootElement.Clone(), null, unsupported: false);
        }
        catch (JsonException error)
        {
            return Refused($"the JSON does not read: {error.Message}");
        }
    }

    private static SequenceDocumentBody Refused(string message) => new(default, [new SequenceProblem("$", message)], unsupported: false);
}
