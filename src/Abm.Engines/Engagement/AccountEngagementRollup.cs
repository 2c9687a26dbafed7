namespace Abm.Engines.Engagement;

/// <summary>Rolls contact engagement up to the account: score, velocity, stakeholder coverage, role counts.</summary>
public static class AccountEngagementRollup
{
    /// <summary>Share of the account score that comes from its contacts' mean score; the rest is coverage.</summary>
    public const double MeanScoreShare = 0.7;

    /// <summary>Share of the account score that comes from stakeholder coverage.</summary>
    public const double CoverageShare = 0.3;

    /// <summary>The single buying roles, in HubSpot's order.</summary>
    public static IReadOnlyList<BuyingRoles> SingleRoles { get; } =
    [
        BuyingRoles.BudgetHolder, BuyingRoles.Champion, BuyingRoles.DecisionMaker, BuyingRoles.EndUser,
        BuyingRoles.ExecutiveSponsor, BuyingRoles.Influencer, BuyingRoles.LegalAndCompliance, BuyingRoles.Blocker,
        BuyingRoles.Other,
    ];

    /// <summary>Rolls up the contacts of one account (an empty list gives an all-zero result).</summary>
    public static AccountEngagement RollUp(IReadOnlyList<AccountMemberEngagement> members, EngagementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        var byRole = SingleRoles.ToDictionary(role => role, _ => 0);
        var engagedByRole = SingleRoles.ToDictionary(role => role, _ => 0);
        var coveredRoles = BuyingRoles.None;
        var heldRoles = BuyingRoles.None;
        int engaged = 0, withoutRole = 0;
        double current = 0, previous = 0;

        foreach (var member in members)
        {
            current += member.CurrentPeriodPoints;
            previous += member.PreviousPeriodPoints;
            var isEngaged = member.Score >= settings.EngagedThreshold;
            engaged += isEngaged ? 1 : 0;
            withoutRole += member.Roles == BuyingRoles.None ? 1 : 0;
            heldRoles |= member.Roles;
            foreach (var role in SingleRoles.Where(role => member.Roles.HasFlag(role)))
            {
                byRole[role]++;
                if (isEngaged)
                {
                    engagedByRole[role]++;
                    coveredRoles |= role;
                }
            }
        }

        coveredRoles &= settings.CoverageRoles;
        heldRoles &= settings.CoverageRoles;
        // Of the roles the account's contacts hold, the share an engaged contact holds: a small account whose two
        // roles are both engaged is as well covered as a large one with eight, so coverage does not grow with size.
        var coverage = heldRoles == BuyingRoles.None ? 0 : 100.0 * CountRoles(coveredRoles) / CountRoles(heldRoles);
        // The mean, not the best few: the best three of thirty contacts score higher than the best three of five
        // by chance alone, which made the account score follow account size rather than interest.
        var mean = members.Count == 0 ? 0 : members.Average(m => m.Score);

        return new AccountEngagement
        {
            Score = (MeanScoreShare * mean) + (CoverageShare * coverage),
            Velocity = Velocity(current, previous),
            CurrentPeriodPoints = current,
            PreviousPeriodPoints = previous,
            StakeholderCoverage = coverage,
            CoveredRoles = coveredRoles,
            ContactCount = members.Count,
            EngagedContactCount = engaged,
            ContactsWithoutRole = withoutRole,
            ContactsByRole = byRole,
            EngagedContactsByRole = engagedByRole,
        };
    }

    /// <summary>
    /// Change against the larger period rather than the previous one, so the figure stays bounded (-100..100)
    /// and defined when an account had no activity before (a plain percentage would divide by zero).
    /// </summary>
    internal static double Velocity(double current, double previous)
    {
        var larger = Math.Max(current, previous);
        return larger <= 0 ? 0 : 100 * (current - previous) / larger;
    }

    private static int CountRoles(BuyingRoles roles) => System.Numerics.BitOperations.PopCount((uint)roles);
}
