namespace Abm.Engines.Engagement;

/// <summary>
/// HubSpot's <c>hs_buying_role</c> options. A flags enum because the property is multi-select:
/// one contact can be both <c>CHAMPION</c> and <c>INFLUENCER</c>. Parse with <see cref="WireNames.TryParseBuyingRoles"/>.
/// </summary>
[Flags]
public enum BuyingRoles
{
    /// <summary>No buying role recorded.</summary>
    None = 0,

    /// <summary><c>BUDGET_HOLDER</c>.</summary>
    BudgetHolder = 1 << 0,

    /// <summary><c>CHAMPION</c>.</summary>
    Champion = 1 << 1,

    /// <summary><c>DECISION_MAKER</c>.</summary>
    DecisionMaker = 1 << 2,

    /// <summary><c>END_USER</c>.</summary>
    EndUser = 1 << 3,

    /// <summary><c>EXECUTIVE_SPONSOR</c>.</summary>
    ExecutiveSponsor = 1 << 4,

    /// <summary><c>INFLUENCER</c>.</summary>
    Influencer = 1 << 5,

    /// <summary><c>LEGAL_AND_COMPLIANCE</c>.</summary>
    LegalAndCompliance = 1 << 6,

    /// <summary><c>BLOCKER</c>.</summary>
    Blocker = 1 << 7,

    /// <summary><c>OTHER</c>.</summary>
    Other = 1 << 8,

    /// <summary>
    /// The default coverage set: every role except <see cref="Other"/>, which names no role at all.
    /// Blockers are included on purpose: reaching them is part of winning the account.
    /// </summary>
    BuyingCommittee = BudgetHolder | Champion | DecisionMaker | EndUser | ExecutiveSponsor | Influencer
        | LegalAndCompliance | Blocker,
}
