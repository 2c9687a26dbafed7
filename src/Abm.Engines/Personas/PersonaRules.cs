namespace Abm.Engines.Personas;

/// <summary>
/// The persona rules in the order they are tried; the first rule with a matching phrase wins. Phrases are
/// whole words, written with a space on each side to match the output of <see cref="TitleNormalizer"/>.
/// </summary>
internal static class PersonaRules
{
    public static readonly IReadOnlyList<PersonaRule> InOrder =
    [
        // Support staff of an executive are not the executive; interns and students decide nothing.
        new(Persona.Unknown, " assistant to ", " executive assistant ", " personal assistant ", " intern ", " internship ", " student "),
        new(
            Persona.FinancialDecisionMaker,
            " cfo ", " finance ", " financial ", " fin ", " controller ", " comptroller ", " treasurer ", " treasury ",
            " accounting ", " accountant ", " accounts payable ", " accounts receivable ", " fpa ", " procurement ",
            " purchasing ", " buyer ", " sourcing ", " payroll ", " tax ", " audit ", " auditor ", " budget ", " billing ",
            " investor relations ", " cpa ", " bookkeeper ", " credit "),
        new(
            Persona.TechnicalDirector,
            " cto ", " cio ", " ciso ", " cdo ", " it ", " information ", " technology ", " technical ", " tech ",
            " engineering ", " engineer ", " eng ", " developer ", " software ", " architect ", " architecture ",
            " infrastructure ", " devops ", " sre ", " site reliability ", " security ", " cybersecurity ", " cyber ",
            " network ", " systems ", " system administrator ", " sysadmin ", " database ", " dba ", " data ",
            " analytics ", " business intelligence ", " cloud ", " platform ", " programmer ", " qa ",
            " quality assurance ", " help desk ", " helpdesk ", " technician ", " digital ", " rnd ",
            " machine learning ", " productowner ", " web development ", " application development "),
        new(
            Persona.CSuiteExecutive,
            " ceo ", " coo ", " chief ", " president ", " founder ", " cofounder ", " owner ", " managing director ", " md ",
            " chairman ", " chairwoman ", " chairperson ", " chair ", " executive director ", " general manager ",
            " managing partner ", " proprietor ", " board member ", " board director "),
        new(
            Persona.OperationsManager,
            " operations ", " operational ", " ops ", " revops ", " supply chain ", " logistics ", " facilities ",
            " facility ", " warehouse ", " fulfillment ", " fulfilment ", " production ", " manufacturing ", " plant ",
            " inventory ", " distribution ", " fleet ", " maintenance ", " quality ", " processowner ",
            " process improvement ", " continuous improvement ", " lean ", " project manager ", " program manager ",
            " programme manager ", " pmo ", " office manager ", " office administrator ", " service delivery ",
            " shipping ", " transportation ", " materials ", " dispatch ", " field service ", " site manager "),
    ];
}

/// <summary>A persona and the phrases that select it.</summary>
internal sealed record PersonaRule(Persona Persona, params string[] Phrases);
