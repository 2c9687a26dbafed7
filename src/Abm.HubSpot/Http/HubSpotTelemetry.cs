using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Abm.HubSpot.Http;

/// <summary>
/// What the client reports about its calls: every attempt by method, route and status (0 when no answer came),
/// how long it took, the 429s, and the burst allowance HubSpot says is left. Instruments live on the meter the
/// application hands in (<see cref="HubSpotClientOptions.Meter"/>), so each host counts only its own clients.
/// A trace span covers each logical call, retries and all.
/// </summary>
internal sealed class HubSpotTelemetry
{
    public const string MeterName = "Abm.HubSpot";

    public static readonly ActivitySource Tracing = new(MeterName);

    private readonly Counter<long>? _requests;
    private readonly Histogram<double>? _duration;
    private readonly Counter<long>? _rateLimited;
    private readonly Histogram<long>? _remaining;

    public HubSpotTelemetry(Meter? meter)
    {
        if (meter is null)
        {
            return;
        }

        _requests = meter.CreateCounter<long>("abm.hubspot.requests", "{request}", "HubSpot API attempts, retries included, by method, route and status (0: no answer).");
        _duration = meter.CreateHistogram<double>("abm.hubspot.request.duration", "s", "Time from sending an attempt to reading its whole answer.");
        _rateLimited = meter.CreateCounter<long>("abm.hubspot.rate_limited", "{request}", "Attempts HubSpot answered with 429.");
        _remaining = meter.CreateHistogram<long>("abm.hubspot.rate_limit.remaining", "{request}", "X-HubSpot-RateLimit-Remaining on each answer: the burst allowance left.");
    }

    public void Attempted(HubSpotRequest request, int status, TimeSpan elapsed)
    {
        if (_requests is null)
        {
            return;
        }

        var tags = new TagList { { "method", request.Method.Method }, { "route", Route(request.Operation) }, { "status", status } };
        _requests.Add(1, tags);
        _duration!.Record(elapsed.TotalSeconds, tags);
    }

    public void RateLimited() => _rateLimited?.Add(1);

    public void Remaining(long remaining) => _remaining?.Record(remaining);

    /// <summary>"GET /crm/v3/objects/contacts/123" becomes "/crm/v3/objects/contacts/{id}": ids and emails would make a series per record.</summary>
    internal static string Route(string operation)
    {
        var path = operation.Split(' ', 2) is [_, var rest] ? rest : operation;
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Contains('@', StringComparison.Ordinal))
            {
                segments[i] = "{email}";
            }
            else if (segment.Length > 0 && (segment.All(char.IsAsciiDigit) || Guid.TryParse(segment, out _)))
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }
}
