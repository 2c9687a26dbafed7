using System.Text.Json;
using System.Text.RegularExpressions;
using Abm.Server.Features.Nurture;

namespace Abm.Server.Dashboard;

/// <summary>One step of a sequence's funnel: how many enrolments reached it and how many got past it.</summary>
internal sealed record FunnelStep(string StepId, string Type, bool Acts, int WaitingHere, int Reached, int Completed, int SkippedOrParked, bool InCurrentVersion);

/// <summary>Nurture's wire names and document paths in words, and a sequence's step funnel from its stats.</summary>
internal static partial class NurtureWords
{
    private static readonly HashSet<string> ActingTypes = ["send_content", "create_task", "update_property", "add_to_list", "remove_from_list"];

    public static string Status(string status) => status switch
    {
        "draft" => "Draft",
        "active" => "Active",
        "paused" => "Paused",
        _ => Labels.Words(status),
    };

    /// <summary>Where a validation problem is, as an author reads it: <c>$.steps[2].else</c> is "Step 3, else".</summary>
    public static string Where(string path)
    {
        if (path == "$")
        {
            return "The document";
        }

        var step = StepPath().Match(path);
        if (step.Success)
        {
            var rest = step.Groups[2].Value.TrimStart('.');
            var number = int.Parse(step.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
            return rest.Length == 0 ? $"Step {number}" : $"Step {number}, {rest}";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }

    /// <summary>
    /// The funnel, in the current version's step order: a step is reached by the enrolments waiting at it now and
    /// by those whose action there settled; it is completed by the actions done. Waits, branches and the end leave
    /// no action behind, so for them only the enrolments waiting there now are known. Steps only earlier versions
    /// had come last.
    /// </summary>
    public static IReadOnlyList<FunnelStep> Funnel(JsonElement document, IReadOnlyList<StepStats> stats)
    {
        var byStep = stats.ToDictionary(s => s.StepId, StringComparer.Ordinal);
        var steps = document.TryGetProperty("steps", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(s => (Id: Text(s, "id"), Type: Text(s, "type"))).Where(s => s.Id.Length > 0).ToList()
            : [];
        var current = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return [.. steps.Select(s => Row(s.Id, s.Type, byStep.GetValueOrDefault(s.Id), inCurrentVersion: true))
            .Concat(stats.Where(s => !current.Contains(s.StepId)).Select(s => Row(s.StepId, "", s, inCurrentVersion: false)))];
    }

    private static FunnelStep Row(string id, string type, StepStats? stats, bool inCurrentVersion)
    {
        var waiting = stats?.ActiveHere ?? 0;
        var settled = stats is null ? 0 : stats.Done + stats.Skipped + stats.Parked;
        var acts = ActingTypes.Contains(type) || (type.Length == 0 && settled > 0);
        return new FunnelStep(id, type.Length == 0 ? "earlier version" : Labels.Words(type), acts, waiting, waiting + settled, stats?.Done ?? 0,
            stats is null ? 0 : stats.Skipped + stats.Parked, inCurrentVersion);
    }

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    [GeneratedRegex(@"^\$\.steps\[(\d+)\](.*)$")]
    private static partial Regex StepPath();
}
