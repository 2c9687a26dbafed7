namespace Abm.Engines.Journey;

/// <summary>Buyer journey stages in order; a later member is further along. Wire names are snake_case.</summary>
public enum JourneyStage
{
    /// <summary><c>problem_awareness</c>: the buyer is learning about the problem.</summary>
    ProblemAwareness,

    /// <summary><c>solution_exploration</c>: the buyer is studying kinds of solution.</summary>
    SolutionExploration,

    /// <summary><c>vendor_evaluation</c>: the buyer is comparing vendors, us among them.</summary>
    VendorEvaluation,

    /// <summary><c>decision_finalization</c>: the buyer is negotiating and signing.</summary>
    DecisionFinalization,

    /// <summary><c>post_purchase_expansion</c>: the buyer is a customer; the goal is adoption and expansion.</summary>
    PostPurchaseExpansion,
}
