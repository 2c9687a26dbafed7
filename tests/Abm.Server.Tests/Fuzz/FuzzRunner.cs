using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Abm.HubSpot.Webhooks;

namespace Abm.Server.Tests.Fuzz;

/// <summary>Sends cases through the in-memory server, a few at a time, and keeps what came back.</summary>
public sealed class FuzzRunner(Func<HttpClient> clients, string webhookSecret, Uri webhookUri, int parallelism = 6)
{
    public sealed record Outcome(FuzzCase Case, int Status, string? MediaType, string? Failure);

    public async Task<List<Outcome>> RunAsync(IEnumerable<FuzzCase> cases)
    {
        var outcomes = new ConcurrentBag<Outcome>();
        using var client = clients();
        client.Timeout = TimeSpan.FromSeconds(20);
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (fuzzCase, cancellationToken) =>
            outcomes.Add(await SendAsync(client, fuzzCase, cancellationToken)));
        return [.. outcomes];
    }

    private async Task<Outcome> SendAsync(HttpClient client, FuzzCase fuzzCase, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzzCase.Method), fuzzCase.Url);
        if (fuzzCase.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = null;
            if (fuzzCase.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            if (fuzzCase.SignAsWebhook)
            {
                var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                request.Headers.Add("X-HubSpot-Signature-v3", WebhookSignature.V3(webhookSecret, "POST", webhookUri.ToString(), body, timestamp));
                request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
            }
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var failure = status >= 500 ? $"{status}: {Shorten(text)}"
                : status >= 400 && mediaType != "application/problem+json" ? $"{status} as {mediaType ?? "no content type"}: {Shorten(text)}"
                : null;
            return new Outcome(fuzzCase, status, mediaType, failure);
        }
#pragma warning disable CA1031 // whatever the server throws through the in-memory transport is a finding, not a test crash
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new Outcome(fuzzCase, 0, null, $"exception: {exception.GetType().Name}: {Shorten(exception.Message)}");
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>Per route: cases sent and the statuses seen; then the failures, grouped by route and kind.</summary>
    public static string Summarize(IReadOnlyList<Outcome> outcomes, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fuzz: {outcomes.Count} cases over {outcomes.Select(o => o.Case.Route).Distinct().Count()} routes in {elapsed.TotalSeconds:F1} s; "
            + $"{outcomes.Count(o => o.Status >= 500)} answered 5xx, {outcomes.Count(o => o.Failure is not null)} failed a check.");
        foreach (var route in outcomes.GroupBy(o => o.Case.Route).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var statuses = string.Join(' ', route.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {route.Key,-55} {route.Count(),5} cases  {statuses}");
        }

        foreach (var group in outcomes.Where(o => o.Failure is not null).GroupBy(o => (o.Case.Route, o.Case.Kind)).OrderBy(g => g.Key.Route, StringComparer.Ordinal))
        {
            var example = group.First();
            var sent = Shorten(Encoding.UTF8.GetString(example.Case.Body ?? []));
            text.AppendLine(CultureInfo.InvariantCulture, $"  FAIL {group.Key.Route} [{group.Key.Kind}] x{group.Count()}: {example.Failure} <- {example.Case.ContentType} {sent}");
        }

        return text.ToString();
    }
}
