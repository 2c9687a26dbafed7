namespace Abm.HubSpot.Sandbox.Faults;

internal enum FaultKind
{
    None,
    Error,
    Timeout,
    Drop,
    Truncate,
    Malformed,
}

/// <summary>What the fault injector does to one request: at most one fault plus optional latency.</summary>
internal sealed record FaultDecision(FaultKind Kind, int ErrorStatus, TimeSpan Latency, TimeSpan TimeoutAfter)
{
    public static FaultDecision None { get; } = new(FaultKind.None, 0, TimeSpan.Zero, TimeSpan.Zero);
}
