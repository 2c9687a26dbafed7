namespace Abm.Server.Features.Accounts;

/// <summary>A contact of the account as the stakeholder map shows it.</summary>
internal sealed record Stakeholder(Guid ContactId, string Name, string? JobTitle, string Persona, int Score, bool Engaged, string JourneyStage, DateTime? LastInteractionAt);

/// <summary>
/// One buying role of the account: who holds it (a contact with several roles appears under each), whether an
/// engaged contact holds it, and whether the role counts towards stakeholder coverage. Role is HubSpot's wire
/// name (<c>CHAMPION</c>), or <c>NONE</c> for contacts with no buying role recorded.
/// </summary>
internal sealed record StakeholderRole(string Role, bool CountsTowardsCoverage, bool Covered, IReadOnlyList<Stakeholder> Contacts);

/// <summary>Engagement events of the account's contacts in the week starting on Monday <paramref name="WeekStarting"/> (UTC).</summary>
internal sealed record WeeklyActivity(DateOnly WeekStarting, int Events, int ActiveContacts);

/// <summary>The account's engagement score and stakeholder coverage (0..100) as the last recompute of a UTC day left them.</summary>
internal sealed record EngagementDay(DateOnly Day, double Score, double StakeholderCoverage);

/// <summary>
/// Everything the account page shows: the list row, the stakeholder map, twelve weeks of activity, the engagement
/// trend (the last 90 days a recompute recorded, oldest first) and the latest events.
/// </summary>
internal sealed record AccountProfileResponse(
    AccountRow Account, IReadOnlyList<StakeholderRole> StakeholderMap, IReadOnlyList<WeeklyActivity> ActivityByWeek, IReadOnlyList<Engagement.ActivityEntry> Timeline,
    IReadOnlyList<EngagementDay> EngagementTrend);
