namespace Abm.HubSpot.Sandbox.Market.Sink;

/// <summary>
/// Where a portal's site events go: ABM Engine's base URL (events to <c>/api/events</c>, tracked visits to
/// <c>/t/collect</c>, content ids read from <c>/api/content</c>) and an API key with marketing rights.
/// </summary>
internal sealed record EventSinkSettings
{
    public string? Url { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>Events per request to the event API; ABM Engine takes at most 1,000.</summary>
    public int BatchSize { get; init; } = 500;
}
