using System.Runtime.CompilerServices;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Notes the <c>Retry-After</c> a language-model provider answers with, for the request in flight. The SDKs do not
/// hand it to their caller, so the reasoner opens a box per attempt (<see cref="Watch"/>) and this handler, on the
/// model's <see cref="HttpClient"/>, fills it: the box flows down the attempt's async calls, never across requests.
/// </summary>
internal sealed class RetryAfterHandler(TimeProvider clock) : DelegatingHandler
{
    private static readonly AsyncLocal<StrongBox<TimeSpan?>?> Current = new();

    /// <summary>A box for the next request made on this async flow; it holds the wait the provider asked for, if any.</summary>
    public static StrongBox<TimeSpan?> Watch() => Current.Value = new StrongBox<TimeSpan?>();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Current.Value is { } box && response.Headers.RetryAfter is { } retryAfter)
        {
            // Either a number of seconds or a date; a date already past asks for no wait.
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : null);
            box.Value = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return response;
    }
}
