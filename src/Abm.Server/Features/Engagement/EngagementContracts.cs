using System.ComponentModel.DataAnnotations;
using Abm.Data.Entities;

namespace Abm.Server.Features.Engagement;

internal sealed record ScoreComponents(double Recency, double Frequency, double Quality, double Diversity, double Progression);

internal sealed record ContactEngagementResponse(
    Guid ContactId, string HubSpotId, double Score, ScoreComponents? Components, int EventsInWindow, DateTime? LastEventAt,
    string JourneyStage, string? JourneyStageOverride, string Persona, string? PreferredContentFormat, DateTime? ComputedAt)
{
    public static ContactEngagementResponse From(Contact contact, ContactScore? score) => new(
        contact.Id, contact.HubSpotId, score?.Score ?? 0,
        score is null ? null : new ScoreComponents(score.Recency, score.Frequency, score.Quality, score.Diversity, score.Progression),
        score?.EventsInWindow ?? 0, score?.LastEventAt, contact.JourneyStage, contact.JourneyStageOverride, contact.PersonaType,
        contact.PreferredContentFormat, score?.ComputedAt);
}

internal sealed record AccountEngagementResponse(
    Guid CompanyId, string HubSpotId, string? Name, double Score, double Velocity, double StakeholderCoverage,
    System.Text.Json.JsonElement? RoleCounts, DateTime? ComputedAt);

internal sealed record JourneyOverrideRequest([property: Required] string Stage);
