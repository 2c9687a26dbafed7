using Abm.Engines.Content;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Abm.Engines.Personas;
using Abm.Engines.Recommendations;
using Abm.Engines.Recommendations.Fitting;

namespace Abm.Server.Features.Recommendations.Fitting;

/// <summary>One contact's content history and verdicts, replayable as of any cut-off.</summary>
internal sealed record ContactHistory(
    string? Industry, Persona Persona, JourneyStage Stage, IReadOnlyList<ContentInteraction> Interactions, IReadOnlyList<ContactHistory.Verdict> Verdicts)
{
    /// <summary>An approval or a skip of one item for the contact.</summary>
    public sealed record Verdict(string ContentId, string Decision, DateTime DecidedAt);

    /// <summary>
    /// The contact as of <paramref name="cutoff"/> and the grade of each item it engaged with from then until
    /// <paramref name="end"/>: 1 for a look (a visit, an email click), 2 for more (a download, a webinar, a share,
    /// an inquiry about it) or for an approval by a colleague. An email open is not engagement with the item.
    /// </summary>
    public FittingCase AsOf(DateTime cutoff, DateTime end, EngagementSettings settings)
    {
        var before = Interactions.Where(i => i.OccurredAt.UtcDateTime < cutoff).ToList();
        var grades = new Dictionary<string, int>();
        foreach (var interaction in Interactions.Where(i => i.OccurredAt.UtcDateTime >= cutoff && i.OccurredAt.UtcDateTime < end))
        {
            Raise(grades, interaction.ContentId, Grade(interaction.EventType));
        }

        foreach (var approval in Verdicts.Where(v => v.Decision == FeedbackVerdicts.Approved && v.DecidedAt >= cutoff && v.DecidedAt < end))
        {
            Raise(grades, approval.ContentId, 2);
        }

        var profile = new ContactProfile(
            Industry,
            Persona,
            Stage,
            FormatPreferenceInference.Infer(before, new DateTimeOffset(cutoff, TimeSpan.Zero), settings),
            [.. before.Select(i => i.ContentId).Distinct()],
            [.. Verdicts.Where(v => v.Decision == FeedbackVerdicts.Skipped && v.DecidedAt < cutoff).Select(v => v.ContentId)]);
        return new FittingCase(profile, grades);
    }

    private static int Grade(EngagementEventType type) => type switch
    {
        EngagementEventType.EmailOpen => 0,
        EngagementEventType.WebsiteVisit or EngagementEventType.EmailClick => 1,
        _ => 2,
    };

    private static void Raise(Dictionary<string, int> grades, string contentId, int grade)
    {
        if (grade > grades.GetValueOrDefault(contentId))
        {
            grades[contentId] = grade;
        }
    }
}
