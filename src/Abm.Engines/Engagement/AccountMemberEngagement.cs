namespace Abm.Engines.Engagement;

/// <summary>What the account roll-up needs to know about one contact of the account.</summary>
/// <param name="Score">The contact's engagement score, 0..100.</param>
/// <param name="Roles">The contact's HubSpot buying roles (may be several, or none).</param>
/// <param name="CurrentPeriodPoints">Undecayed event points in the latest velocity period.</param>
/// <param name="PreviousPeriodPoints">Undecayed event points in the period before it.</param>
public readonly record struct AccountMemberEngagement(
    double Score,
    BuyingRoles Roles,
    double CurrentPeriodPoints,
    double PreviousPeriodPoints)
{
    /// <summary>Builds a member from a contact's computed score and its buying roles.</summary>
    public static AccountMemberEngagement From(ContactEngagementScore score, BuyingRoles roles) =>
        new(score.Total, roles, score.CurrentPeriodPoints, score.PreviousPeriodPoints);
}
