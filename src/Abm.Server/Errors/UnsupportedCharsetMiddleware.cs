using System.Text;
using Microsoft.Net.Http.Headers;

namespace Abm.Server.Errors;

/// <summary>
/// A JSON body is decoded by the charset its Content-Type names. The framework's reader throws (a 500) for a
/// charset it cannot resolve, including an empty or quoted one, so JSON requests are settled here first: a
/// Unicode charset (or ASCII / Latin-1) is passed on in the plain form the reader understands, anything else
/// (unknown names, UTF-7, which can smuggle markup past filters) is answered 415 before any endpoint runs.
/// </summary>
internal sealed class UnsupportedCharsetMiddleware(RequestDelegate next)
{
    // UTF-8, UTF-16 LE/BE, UTF-32 LE/BE, US-ASCII, ISO-8859-1.
    private static readonly HashSet<int> DecodableCodePages = [65001, 1200, 1201, 12000, 12001, 20127, 28591];

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.ContentType is { } contentType && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && IsJson(mediaType) && mediaType.Charset.HasValue)
        {
            var charset = mediaType.Charset.Value!;
            var name = charset.Length > 2 && charset[0] == '"' && charset[^1] == '"' ? charset[1..^1] : charset;
            if (CodePage(name) is not { } codePage || !DecodableCodePages.Contains(codePage))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status415UnsupportedMediaType,
                        Title = "Unsupported charset",
                        Detail = $"The charset '{charset}' of the JSON body is not supported; send UTF-8 (or leave the charset out).",
                    },
                });
                return;
            }

            // UTF-8 is the reader's default; any other supported charset is named without quotes, as it expects.
            context.Request.ContentType = codePage == 65001 ? mediaType.MediaType.Value : $"{mediaType.MediaType.Value}; charset={name}";
        }

        await next(context);
    }

    private static int? CodePage(string name)
    {
        try
        {
            return name.Length == 0 ? null : Encoding.GetEncoding(name).CodePage;
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
}
