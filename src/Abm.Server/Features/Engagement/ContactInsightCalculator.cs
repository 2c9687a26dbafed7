using Abm.Engines.Content;
using Abm.Engines.Engagement;
using Abm.Engines.Insights;
using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Server.Features.Engagement;

/// <summary>Everything the engines conclude about one contact.</summary>
internal sealed record ContactConclusion(
    ContactEngagementScore Score,
    JourneyStageDecision Stage,
    Persona Persona,
    FormatPreference Formats)
{
    public ContactInsight Insight => new(Score.Total, Stage.Stage, Persona, Formats.Preferred);
}

/// <summary>Runs the pure engines over one contact's facts; no I/O, "now" passed in.</summary>
internal static class ContactInsightCalculator
{
    /// <summary>
    /// The contact's score, stage, persona and format preference from its facts as of <paramref name="now"/>;
    /// <paramref name="accountReading"/> is the stage votes of the reading of every contact of its account (none
    /// without one), <paramref name="settings"/> the workspace's.
    /// </summary>
    public static ContactConclusion Conclude(ContactFacts facts, DateTimeOffset now, EngagementSettings settings, StageVotes accountReading)
    {
        var events = facts.Events.ToArray();
        var score = EngagementScorer.ScoreContact(events, now, settings);
        var stage = JourneyStageInference.Infer(new JourneyStageInput(facts.CurrentStage, facts.StageOverride, facts.DealStages, facts.Events, now)
        {
            EvidenceWindowDays = settings.WindowDays,
            OwnReading = StageVotes.Of(facts.Readings, now, JourneyStageInference.ReadingHalfLifeDays, settings.WindowDays),
            AccountReading = accountReading,
        });
        var persona = PersonaClassifier.Classify(facts.JobTitle);
        var formats = FormatPreferenceInference.Infer(facts.ContentInteractions, now, settings);
        return new ContactConclusion(score, stage, persona, formats);
    }
}
