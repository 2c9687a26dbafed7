namespace Abm.Engines.Leads;

/// <summary>How well a lead fits the ideal client, by score band.</summary>
public enum FitLevel
{
    /// <summary>Score below 50.</summary>
    Low,

    /// <summary>Score 50 to 79.</summary>
    Medium,

    /// <summary>Score 80 or more.</summary>
    High,
}

/// <summary>What sales should do next with the lead.</summary>
public enum NextAction
{
    /// <summary>Leave the lead to a nurture sequence.</summary>
    Nurture,

    /// <summary>Follow up by email.</summary>
    Email,

    /// <summary>Call now.</summary>
    Call,
}

/// <summary>The score bands every scorer (fallback or model) must agree with.</summary>
public static class FitBands
{
    /// <summary>The lowest score of the High band.</summary>
    public const int High = 80;

    /// <summary>The lowest score of the Medium band.</summary>
    public const int Medium = 50;

    /// <summary>The fit level of a 0..100 score.</summary>
    public static FitLevel LevelOf(int score) => score >= High ? FitLevel.High : score >= Medium ? FitLevel.Medium : FitLevel.Low;
}

/// <summary>How one criterion came out for a lead.</summary>
public enum CriterionStatus
{
    /// <summary>The lead meets it.</summary>
    Met,

    /// <summary>The lead comes close (a size just outside the range, some of the technologies).</summary>
    Partial,

    /// <summary>The lead's value is known and does not match.</summary>
    Missed,

    /// <summary>The lead's value is unknown.</summary>
    Missing,
}

/// <summary>One criterion's part of a score: its weight, how well the lead matched (0..1) and why.</summary>
public sealed record CriterionOutcome(string Criterion, double Weight, double Match, CriterionStatus Status, string Detail)
{
    /// <summary>Points this criterion added to the 0..100 score.</summary>
    public double Points => 100 * Weight * Match;
}

/// <summary>A lead's fit: score 0..100, the level of its band, the next action and a reasoning a sales rep can read.</summary>
public sealed record LeadFitResult(int Score, FitLevel Fit, NextAction Action, string Reasoning, IReadOnlyList<CriterionOutcome> Criteria);
