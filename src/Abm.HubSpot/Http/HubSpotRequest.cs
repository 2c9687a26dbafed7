using System.Text.Json;

namespace Abm.HubSpot.Http;

/// <summary>
/// One logical call: verb, path with query, and body, serialized once so every retry sends the same bytes.
/// <see cref="Operation"/> names the call in errors and logs; it never contains a token.
/// </summary>
internal sealed record HubSpotRequest(HttpMethod Method, string PathAndQuery, byte[]? Body, bool IsSearch, string Operation)
{
    public static HubSpotRequest Get(string pathAndQuery) => new(HttpMethod.Get, pathAndQuery, null, false, $"GET {PathOnly(pathAndQuery)}");

    public static HubSpotRequest Delete(string path) => new(HttpMethod.Delete, path, null, false, $"DELETE {path}");

    public static HubSpotRequest Json(HttpMethod method, string pathAndQuery, object? body, bool isSearch = false) =>
        new(method, pathAndQuery, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, HubSpotJson.Options), isSearch, $"{method} {PathOnly(pathAndQuery)}");

    public HttpRequestMessage ToMessage(Uri baseUrl, string accessToken)
    {
        var message = new HttpRequestMessage(Method, new Uri(baseUrl, PathAndQuery));
        message.Headers.Authorization = new("Bearer", accessToken);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = new("application/json");
        }

        return message;
    }

    private static string PathOnly(string pathAndQuery) => pathAndQuery.Split('?', 2)[0];
}
