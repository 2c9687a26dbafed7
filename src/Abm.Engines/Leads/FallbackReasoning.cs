using System.Text;

namespace Abm.Engines.Leads;

/// <summary>The fallback's reasoning: the score, then every criterion met, partly met, missed and unknown.</summary>
internal static class FallbackReasoning
{
    public static string Write(int score, FitLevel fit, NextAction action, IReadOnlyList<CriterionOutcome> outcomes, bool tooLittleKnown)
    {
        var text = new StringBuilder($"Score {score} ({fit} fit, next action {action}).");
        if (tooLittleKnown)
        {
            text.Append(" Too little is known about this lead to judge its fit; it stays Low until the missing data is filled in.");
        }

        Append(text, "Meets", outcomes, CriterionStatus.Met);
        Append(text, "Partly meets", outcomes, CriterionStatus.Partial);
        Append(text, "Misses", outcomes, CriterionStatus.Missed);
        var missing = outcomes.Where(o => o.Status == CriterionStatus.Missing).Select(o => o.Criterion).ToList();
        if (missing.Count > 0)
        {
            text.Append(" Missing: ").Append(string.Join(", ", missing)).Append('.');
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string verb, IReadOnlyList<CriterionOutcome> outcomes, CriterionStatus status)
    {
        var matching = outcomes.Where(o => o.Status == status).Select(o => $"{o.Criterion} ({o.Detail})").ToList();
        if (matching.Count > 0)
        {
            text.Append(' ').Append(verb).Append(": ").Append(string.Join("; ", matching)).Append('.');
        }
    }
}
