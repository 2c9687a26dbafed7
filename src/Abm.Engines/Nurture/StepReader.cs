using System.Globalization;
using System.Text.RegularExpressions;
using Abm.Engines.Content;
using Abm.Engines.Journey;

namespace Abm.Engines.Nurture;

/// <summary>Reads the <c>steps</c> array of a sequence document.</summary>
internal static partial class StepReader
{
    public static readonly IReadOnlyList<string> Types = ["wait", "send_content", "create_task", "update_property", "add_to_list", "remove_from_list", "branch", "end"];

    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(365);
    private static readonly TimeOnly BusinessDayStart = new(8, 0);
    private static readonly TimeOnly BusinessDayEnd = new(18, 0);

    public static List<SequenceStep>? ReadAll(DocumentFields document)
    {
        if (document.Array("steps", required: true) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            document.Problem("steps", "must hold at least one step.");
            return null;
        }

        var steps = new List<SequenceStep>();
        var firstUse = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (DocumentFields.Object(items[i], $"{document.At("steps")}[{i}]", document.Problems) is not { } fields)
            {
                continue;
            }

            var step = Read(fields, out var id);
            if (id is not null && !firstUse.TryAdd(id, i))
            {
                fields.Problem("id", $"'{id}' is already the id of step {firstUse[id]}.");
            }
            else if (step is not null)
            {
                steps.Add(step);
            }
        }

        return steps.Count == items.Count ? steps : null;
    }

    private static SequenceStep? Read(DocumentFields fields, out string? id)
    {
        id = fields.String("id", required: true, maxLength: 64);
        if (id is not null && !StepId().IsMatch(id))
        {
            fields.Problem("id", "may hold only letters, digits, '_' and '-'.");
            id = null;
        }

        var type = fields.String("type", required: true);
        var next = fields.String("next", required: false, maxLength: 64);
        SequenceStep? step = type switch
        {
            null => null,
            "wait" => ReadWait(fields, id, next),
            "send_content" => new SendContentStep(id!, next, fields.String("contentId", false, 100),
                fields.Choices<ContentType>("contentTypes", WireNames.TryParseContentType, "a content type") ?? [],
                fields.Choices<JourneyStage>("stages", WireNames.TryParseJourneyStage, "a journey stage") ?? []),
            "create_task" => ReadTask(fields, id, next),
            "update_property" => (fields.String("property", true, 100), fields.String("value", true, 1_000)) is ({ } property, { } value)
                ? new UpdatePropertyStep(id!, next, property, value) : null,
            "add_to_list" or "remove_from_list" => fields.String("listId", true, 50) is { } listId ? new ListMembershipStep(id!, next, listId, type == "add_to_list") : null,
            "branch" => ReadBranch(fields, id),
            "end" => new EndStep(id!),
            _ => UnknownType(fields, type),
        };
        return id is null ? null : step;
    }

    private static SequenceStep? UnknownType(DocumentFields fields, string type)
    {
        fields.Problem("type", $"'{type}' is not a step type; expected {string.Join(", ", Types)}.");
        return null;
    }

    private static WaitStep? ReadWait(DocumentFields fields, string? id, string? next)
    {
        var duration = fields.String("duration", false, 20) is { } text ? ParseDuration(fields, text) : null;
        var until = fields.Child("until", required: false) is { } moment ? ReadMoment(moment) : null;
        if (fields.Has("duration") == fields.Has("until"))
        {
            fields.Problems.Add(new SequenceProblem(fields.Path, "a wait needs exactly one of 'duration' (e.g. \"3d\", \"4h\", \"2d12h\") or 'until' (weekdays and a time)."));
            return null;
        }

        return duration is null && until is null ? null : new WaitStep(id!, next, duration, until);
    }

    private static TimeSpan? ParseDuration(DocumentFields fields, string text)
    {
        var match = Duration().Match(text);
        if (!match.Success || match.Length == 0)
        {
            fields.Problem("duration", $"'{text}' is not a duration; write days, hours and minutes such as \"3d\", \"4h\", \"30m\" or \"2d12h\".");
            return null;
        }

        static int Part(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        var duration = new TimeSpan(Part(match.Groups["d"]), Part(match.Groups["h"]), Part(match.Groups["m"]), 0);
        if (duration < TimeSpan.FromMinutes(1) || duration > LongestWait)
        {
            fields.Problem("duration", "must be from 1 minute to 365 days.");
            return null;
        }

        return duration;
    }

    private static WeeklyMoment? ReadMoment(DocumentFields fields)
    {
        var days = fields.Choices<DayOfWeek>("weekdays", NurtureWireNames.Days.TryParse, "monday to friday");
        if (days is null || days.Count == 0)
        {
            fields.Problem("weekdays", "must name at least one weekday.");
            return null;
        }

        if (days.Any(d => d is DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            fields.Problem("weekdays", "must be business days (monday to friday).");
            return null;
        }

        var timeText = fields.String("time", true, 5);
        if (timeText is null)
        {
            return null;
        }

        if (!TimeOnly.TryParseExact(timeText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) || time < BusinessDayStart || time > BusinessDayEnd)
        {
            fields.Problem("time", $"'{timeText}' must be a time of business hours, 08:00 to 18:00, written HH:mm.");
            return null;
        }

        return new WeeklyMoment(days.Distinct().Order().ToList(), time);
    }

    private static CreateTaskStep? ReadTask(DocumentFields fields, string? id, string? next)
    {
        var title = fields.String("title", true, 200);
        var priority = fields.Choice<TaskPriority>("priority", false, NurtureWireNames.TaskPriorities.TryParse, "LOW, MEDIUM, HIGH") ?? TaskPriority.Medium;
        var dueInDays = fields.Integer("dueInDays", false, 0, 365) ?? 1;
        TaskOwner? owner = new(TaskOwnerKind.ContactOwner);
        if (fields.Child("owner", required: false) is { } ownerFields)
        {
            var kind = ownerFields.Choice<TaskOwnerKind>("kind", true, NurtureWireNames.OwnerKinds.TryParse, "contact_owner, account_owner, named");
            var ownerId = ownerFields.String("ownerId", kind == TaskOwnerKind.Named, 50);
            owner = kind is { } k && (k != TaskOwnerKind.Named || ownerId is not null) ? new TaskOwner(k, k == TaskOwnerKind.Named ? ownerId : null) : null;
        }

        return title is null || owner is null ? null : new CreateTaskStep(id!, next, title, owner, priority, dueInDays);
    }

    private static BranchStep? ReadBranch(DocumentFields fields, string? id)
    {
        if (fields.Has("next"))
        {
            fields.Problem("next", "a branch names where it goes with 'then' and 'else', not 'next'.");
        }

        var then = fields.String("then", false, 64);
        var otherwise = fields.String("else", true, 64);
        var condition = fields.Child("condition", required: true) is { } conditionFields ? ConditionReader.Read(conditionFields) : null;
        return otherwise is null || condition is null ? null : new BranchStep(id!, then, otherwise, condition);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex StepId();

    [GeneratedRegex(@"^(?:(?<d>\d{1,3})d)?(?:(?<h>\d{1,4})h)?(?:(?<m>\d{1,6})m)?$")]
    private static partial Regex Duration();
}
