namespace Abm.Engines.Journey;

/// <summary>The inferred stage, the rule that decided it, and whether it differs from the current stage.</summary>
/// <param name="Stage">The contact's stage after inference.</param>
/// <param name="Rule">The rule that fired.</param>
/// <param name="Changed">True when <paramref name="Stage"/> differs from the input's current stage (or there was none).</param>
public readonly record struct JourneyStageDecision(JourneyStage Stage, JourneyRule Rule, bool Changed);
