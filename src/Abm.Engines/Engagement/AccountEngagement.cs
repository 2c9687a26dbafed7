namespace Abm.Engines.Engagement;

/// <summary>An account's engagement roll-up. Definitions are in docs/scoring.md.</summary>
public sealed record AccountEngagement
{
    /// <summary>0.7 x mean of the contacts' scores + 0.3 x stakeholder coverage; 0..100.</summary>
    public required double Score { get; init; }

    /// <summary>
    /// Relative change of event points between the latest period and the one before it, against the larger of
    /// the two: (current - previous) / max(current, previous) x 100, in -100..100; 0 when both are zero.
    /// </summary>
    public required double Velocity { get; init; }

    /// <summary>Undecayed event points of all the account's contacts in the latest period.</summary>
    public required double CurrentPeriodPoints { get; init; }

    /// <summary>Undecayed event points of all the account's contacts in the period before it.</summary>
    public required double PreviousPeriodPoints { get; init; }

    /// <summary>Percentage (0..100) of the coverage roles held in the account that an engaged contact holds.</summary>
    public required double StakeholderCoverage { get; init; }

    /// <summary>Coverage roles held by at least one engaged contact.</summary>
    public required BuyingRoles CoveredRoles { get; init; }

    /// <summary>Contacts in the account.</summary>
    public required int ContactCount { get; init; }

    /// <summary>Contacts whose score reaches the engaged threshold.</summary>
    public required int EngagedContactCount { get; init; }

    /// <summary>Contacts with no buying role recorded.</summary>
    public required int ContactsWithoutRole { get; init; }

    /// <summary>Every single buying role with how many contacts hold it (a contact with two roles counts in both).</summary>
    public required IReadOnlyDictionary<BuyingRoles, int> ContactsByRole { get; init; }

    /// <summary>Every single buying role with how many engaged contacts hold it.</summary>
    public required IReadOnlyDictionary<BuyingRoles, int> EngagedContactsByRole { get; init; }
}
