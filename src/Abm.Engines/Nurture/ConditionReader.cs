using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines.Nurture;

/// <summary>Reads a branch's <c>condition</c> object: <c>{"kind": "score", "atLeast": 50}</c> and the like.</summary>
internal static class ConditionReader
{
    public static BranchCondition? Read(DocumentFields fields)
    {
        var kind = fields.String("kind", required: true);
        switch (kind)
        {
            case null:
                return null;
            case "score":
                var atLeast = fields.Number("atLeast", false, 0, 100);
                var atMost = fields.Number("atMost", false, 0, 100);
                if (!fields.Has("atLeast") && !fields.Has("atMost"))
                {
                    fields.Problem("atLeast", "a score condition needs 'atLeast', 'atMost' or both.");
                    return null;
                }

                if (atLeast > atMost)
                {
                    fields.Problem("atMost", "must not be below 'atLeast'.");
                    return null;
                }

                return new ScoreCondition(atLeast, atMost);
            case "stage":
                return NonEmpty(fields, "stages", fields.Choices<JourneyStage>("stages", WireNames.TryParseJourneyStage, "a journey stage")) is { } stages ? new StageCondition(stages) : null;
            case "persona":
                return NonEmpty(fields, "personas", fields.Choices<Persona>("personas", WireNames.TryParsePersona, "a persona")) is { } personas ? new PersonaCondition(personas) : null;
            case "segment":
                return fields.String("segment", true, 100) is { } segment ? new SegmentCondition(segment) : null;
            case "engaged_with_last_sent":
                return fields.Integer("withinDays", true, 1, 365) is { } days ? new EngagedWithLastSentCondition(days) : null;
            case "opened_last_email":
                return new LastEmailCondition(RequireClick: false);
            case "clicked_last_email":
                return new LastEmailCondition(RequireClick: true);
            default:
                fields.Problem("kind", $"'{kind}' is not a condition; expected score, stage, persona, segment, engaged_with_last_sent, opened_last_email or clicked_last_email.");
                return null;
        }
    }

    private static List<T>? NonEmpty<T>(DocumentFields fields, string name, List<T>? values)
    {
        if (values is { Count: > 0 })
        {
            return values;
        }

        if (values is not null)
        {
            fields.Problem(name, "must name at least one value.");
        }
        else if (!fields.Has(name))
        {
            fields.Problem(name, "is required.");
        }

        return null;
    }
}
