namespace Abm.HubSpot.Sandbox.Faults;

/// <summary>
/// A fault to inject, set through the admin API. It applies to requests of one portal (or all) whose
/// "METHOD /path" matches <see cref="Route"/> ('*' matches anything, a missing method matches every method).
/// Rates are probabilities per request; draws come from a generator seeded with <see cref="Seed"/>, so
/// the same request sequence meets the same faults.
/// </summary>
internal sealed record FaultRule
{
    public string? Id { get; init; }

    public long? PortalId { get; init; }

    public string Route { get; init; } = "*";

    /// <summary>Probability of answering with each status instead of the real response (429, 500, 502, 503, 423, ...).</summary>
    public Dictionary<int, double> ErrorRates { get; init; } = [];

    public int LatencyMs { get; init; }

    public double TimeoutRate { get; init; }

    /// <summary>How long a timed-out request hangs before the connection is dropped.</summary>
    public int TimeoutMs { get; init; } = 30_000;

    public double DropRate { get; init; }

    public double TruncateRate { get; init; }

    public double MalformedRate { get; init; }

    public int Seed { get; init; } = 1;
}
