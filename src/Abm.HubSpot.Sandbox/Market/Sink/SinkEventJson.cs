using Abm.HubSpot.Sandbox.Market.Behaviour;

namespace Abm.HubSpot.Sandbox.Market.Sink;

/// <summary>The metadata every delivered event carries, so ABM Engine can tell simulated traffic apart.</summary>
internal sealed record SinkEventMetadata(string? Url, string? ContentExternalId, string Cause, string Source = "hubspot-sandbox");

/// <summary>One event in the shape of ABM Engine's <c>POST /api/events</c> items.</summary>
internal sealed record SinkApiEvent(
    string ClientEventId,
    string Type,
    DateTimeOffset OccurredAt,
    string ContactHubSpotId,
    string? ContactEmail,
    Guid? ContentId,
    int? DurationSeconds,
    SinkEventMetadata Metadata)
{
    public static SinkApiEvent From(SiteEvent e, Guid? contentId) => new(
        e.ClientEventId, e.Type, e.OccurredAt, e.ContactId.ToString(System.Globalization.CultureInfo.InvariantCulture), e.ContactEmail, contentId,
        e.DurationSeconds, new SinkEventMetadata(e.Url, e.ContentExternalId, e.Cause));
}

/// <summary>One tracked event in the shape ABM Engine's page snippet posts to <c>/t/collect</c>.</summary>
internal sealed record SinkCollectEvent(string T, string Type, Guid? ContentId, string? Url, int? DurationSeconds, string EventId);
