using System.Net.Http.Headers;

namespace Abm.RecommenderQuality;

/// <summary>
/// The running server being judged, however it was hosted: its HTTP address (the sandbox's event sink posts to it),
/// a key with marketing rights in its default workspace, and its services (to read the history it holds).
/// </summary>
public sealed record AbmUnderTest(Uri BaseUrl, string ApiKey, IServiceProvider Services)
{
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }
}
