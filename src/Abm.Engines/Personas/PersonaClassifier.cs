namespace Abm.Engines.Personas;

/// <summary>
/// Classifies a job title into a persona with ordered keyword rules (docs/scoring.md, section 5).
/// Function beats rank: a CFO is a financial decision maker and a CTO a technical director, because the
/// content that persuades them is functional; other chiefs, presidents, founders and owners are executives.
/// </summary>
public static class PersonaClassifier
{
    /// <summary>Returns the persona of <paramref name="jobTitle"/>, or <see cref="Persona.Unknown"/> when no rule matches.</summary>
    public static Persona Classify(string? jobTitle)
    {
        if (string.IsNullOrWhiteSpace(jobTitle))
        {
            return Persona.Unknown;
        }

        var title = TitleNormalizer.Normalize(jobTitle);
        foreach (var rule in PersonaRules.InOrder)
        {
            if (rule.Phrases.Any(phrase => title.Contains(phrase, StringComparison.Ordinal)))
            {
                return rule.Persona;
            }
        }

        return Persona.Unknown;
    }
}
