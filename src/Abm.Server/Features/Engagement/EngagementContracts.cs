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
    RoleCounts? RoleCounts, DateTime? ComputedAt);

/// <summary>
/// An account's buying-role counts as stored on its score (keyed by role wire name). Read without regard to case:
/// rows written before the counts were stored in camelCase hold <c>ContactCount</c> and the like.
/// </summary>
internal sealed record RoleCounts(
    IReadOnlyDictionary<string, int> Contacts, IReadOnlyDictionary<string, int> Engaged, int ContactCount, int EngagedContactCount, int ContactsWithoutRole)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static RoleCounts? Parse(string stored) => System.Text.Json.JsonSerializer.Deserialize<RoleCounts>(stored, Json);

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);
}

internal sealed record JourneyOverrideRequest([property: Required] string Stage);
