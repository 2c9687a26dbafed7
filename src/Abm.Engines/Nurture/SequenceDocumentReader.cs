using System.Text.Json;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;

namespace Abm.Engines.Nurture;

/// <summary>The outcome of reading a sequence document: a definition when nothing is wrong, else every problem found.</summary>
public sealed record SequenceReadResult(SequenceDefinition? Definition, IReadOnlyList<SequenceProblem> Problems);

/// <summary>
/// Reads a sequence document (JSON; camelCase fields, snake_case values) into a <see cref="SequenceDefinition"/>
/// and checks it: the fields and values, then the step graph (see <see cref="SequenceGraphCheck"/>).
/// </summary>
public static class SequenceDocumentReader
{
    /// <summary>Every step type's wire name.</summary>
    public static IReadOnlyList<string> StepTypes => StepReader.Types;

    /// <summary>Reads and checks the document rooted at <paramref name="root"/>.</summary>
    public static SequenceReadResult Read(JsonElement root)
    {
        var problems = new List<SequenceProblem>();
        if (DocumentFields.Object(root, "$", problems) is not { } document)
        {
            return new SequenceReadResult(null, problems);
        }

        var name = document.String("name", required: true);
        var description = document.String("description", required: false, maxLength: 2_000);
        var triggers = ReadTriggers(document);
        var reenrollment = ReadReenrollment(document);
        var steps = StepReader.ReadAll(document);
        var goals = document.Choices<SequenceGoal>("goals", NurtureWireNames.Goals.TryParse, NurtureWireNames.Expected(NurtureWireNames.Goals)) ?? [];
        var guardrails = ReadGuardrails(document);
        var onFailure = document.Choice<ActionFailurePolicy>("onActionFailure", false, NurtureWireNames.FailurePolicies.TryParse, "continue, stop");
        if (problems.Count > 0 || name is null || steps is null)
        {
            return new SequenceReadResult(null, problems);
        }

        var definition = new SequenceDefinition(name, description, triggers, reenrollment, steps, goals.Distinct().ToList(), guardrails)
        {
            OnActionFailure = onFailure ?? ActionFailurePolicy.Continue,
        };
        problems.AddRange(SequenceGraphCheck.Problems(definition));
        return new SequenceReadResult(problems.Count == 0 ? definition : null, problems);
    }

    /// <summary>HubSpot names a list by a number (its ILS list id); the server watches it under that id.</summary>
    private static string? ListId(DocumentFields fields)
    {
        var listId = fields.String("listId", true, 20);
        if (listId is not null && !listId.All(char.IsAsciiDigit))
        {
            fields.Problem("listId", "must be a HubSpot list id (digits).");
            return null;
        }

        return listId;
    }

    private static List<SequenceTrigger> ReadTriggers(DocumentFields document)
    {
        var triggers = new List<SequenceTrigger>();
        var items = document.Array("triggers") ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (DocumentFields.Object(items[i], $"{document.At("triggers")}[{i}]", document.Problems) is { } fields && ReadTrigger(fields) is { } trigger)
            {
                triggers.Add(trigger);
            }
        }

        return triggers.Count == 0 ? [new ManualTrigger()] : triggers;
    }

    private static SequenceTrigger? ReadTrigger(DocumentFields fields)
    {
        var type = fields.String("type", required: true);
        return type switch
        {
            null => null,
            "stage_entered" => fields.Choice<JourneyStage>("stage", true, WireNames.TryParseJourneyStage, "a journey stage") is { } stage ? new StageEnteredTrigger(stage) : null,
            "score_crossed" => (fields.Number("threshold", true, 0, 100), fields.Choice<CrossingDirection>("direction", true, NurtureWireNames.Directions.TryParse, "up, down")) is ({ } threshold, { } direction)
                ? new ScoreCrossedTrigger(threshold, direction) : null,
            "event" => fields.Choice<EngagementEventType>("eventType", true, WireNames.TryParseEventType, "an engagement event type") is { } eventType ? new EventTrigger(eventType) : null,
            "segment_joined" => fields.String("segment", true, 100) is { } segment ? new SegmentJoinedTrigger(segment) : null,
            "list_joined" => ListId(fields) is { } listId ? new ListJoinedTrigger(listId) : null,
            "lead_priority" => fields.Choice<LeadPriority>("priority", true, NurtureWireNames.LeadPriorities.TryParse, "high, medium, low") is { } priority ? new LeadPriorityTrigger(priority) : null,
            "manual" => new ManualTrigger(),
            _ => Unknown(fields, type),
        };
    }

    private static SequenceTrigger? Unknown(DocumentFields fields, string type)
    {
        fields.Problem("type", $"'{type}' is not a trigger type; expected stage_entered, score_crossed, event, segment_joined, list_joined, lead_priority or manual.");
        return null;
    }

    private static Reenrollment ReadReenrollment(DocumentFields document)
    {
        if (document.Child("reenrollment", required: false) is not { } fields)
        {
            return Reenrollment.Never;
        }

        var policy = fields.Choice<ReenrollmentPolicy>("policy", true, NurtureWireNames.Reenrollments.TryParse, "never, after_exit, after_days");
        var days = fields.Integer("days", policy == ReenrollmentPolicy.AfterDays, 1, 3_650);
        return new Reenrollment(policy ?? ReenrollmentPolicy.Never, policy == ReenrollmentPolicy.AfterDays ? days : null);
    }

    private static GuardrailOverrides ReadGuardrails(DocumentFields document)
    {
        if (document.Child("guardrails", required: false) is not { } fields)
        {
            return GuardrailOverrides.None;
        }

        return new GuardrailOverrides(
            fields.Integer("maxTouchesPerContactPerWeek", false, 1, 50),
            fields.Integer("maxTouchesPerAccountPerDay", false, 1, 500),
            fields.Boolean("respectQuietHours"),
            fields.Boolean("skipWeekends"));
    }
}
