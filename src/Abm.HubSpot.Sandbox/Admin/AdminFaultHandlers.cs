using Abm.HubSpot.Sandbox.Counters;
using Abm.HubSpot.Sandbox.Faults;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Admin;

/// <summary>Fault rules and request counters.</summary>
internal static class AdminFaultHandlers
{
    public static IResult List(FaultSettings faults) => SandboxJson.Json(new { results = faults.Rules });

    public static async Task<IResult> AddAsync(HttpRequest request, FaultSettings faults, CancellationToken cancellationToken)
    {
        var (rule, error) = await AdminBody.ReadAsync<FaultRule>(request, cancellationToken);
        if (rule is null)
        {
            return error!;
        }

        var rates = rule.ErrorRates.Values.Append(rule.TimeoutRate).Append(rule.DropRate).Append(rule.TruncateRate).Append(rule.MalformedRate).ToList();
        if (rates.Any(r => r is < 0 or > 1) || rates.Sum() > 1.000001)
        {
            return HubSpotErrors.Validation("fault rates must be between 0 and 1 and add up to at most 1");
        }

        if (rule.ErrorRates.Keys.Any(status => status is < 400 or > 599) || rule.LatencyMs < 0 || rule.TimeoutMs < 0)
        {
            return HubSpotErrors.Validation("error statuses must be 4xx or 5xx and durations must not be negative");
        }

        return SandboxJson.Json(faults.Add(rule), StatusCodes.Status201Created);
    }

    public static IResult Remove(string id, FaultSettings faults) =>
        faults.Remove(id) ? Results.NoContent() : HubSpotErrors.NotFound($"No fault rule {id}");

    public static IResult Clear(FaultSettings faults)
    {
        faults.Clear();
        return Results.NoContent();
    }

    public static IResult Counters(RequestCounters counters)
    {
        var snapshot = counters.Snapshot();
        return SandboxJson.Json(new { total = snapshot.Sum(c => c.Count), connections = counters.Connections, results = snapshot });
    }

    public static IResult RecordWrites(RecordWriteCounts writes) => SandboxJson.Json(new { results = writes.Snapshot() });

    public static IResult ClearCounters(RequestCounters counters, RecordWriteCounts writes)
    {
        counters.Clear();
        writes.Clear();
        return Results.NoContent();
    }
}
