using System.Globalization;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Pipelines;

internal sealed record StageInput(string Label, int DisplayOrder, double Probability, bool IsClosed);

/// <summary>
/// The body of a pipeline create: <c>{label, displayOrder, stages:[{label, displayOrder, metadata:{probability, isClosed?}}]}</c>.
/// Deal stages need a probability from 0 to 1; HubSpot gives the new pipeline and stages numeric ids.
/// </summary>
internal sealed record PipelineInput(string Label, int DisplayOrder, IReadOnlyList<StageInput> Stages)
{
    public static (PipelineInput? Input, HubSpotError? Error) Parse(JsonObject body)
    {
        var label = JsonBody.StringOf(body["label"]);
        if (string.IsNullOrWhiteSpace(label))
        {
            return (null, HubSpotErrors.Validation("label is required"));
        }

        if (body["stages"] is not JsonArray { Count: > 0 } stages)
        {
            return (null, HubSpotErrors.Validation("A pipeline needs at least one stage in stages"));
        }

        var parsed = new List<StageInput>();
        foreach (var (node, index) in stages.Select((n, i) => (n, i)))
        {
            var stageLabel = JsonBody.StringOf(node?["label"]);
            var probability = Number(JsonBody.StringOf(node?["metadata"]?["probability"]));
            if (string.IsNullOrWhiteSpace(stageLabel) || probability is not (>= 0 and <= 1))
            {
                return (null, HubSpotErrors.Validation($"stages[{index}] needs a label and metadata.probability from 0.0 to 1.0"));
            }

            var isClosed = JsonBody.StringOf(node?["metadata"]?["isClosed"]) is { } closed && bool.TryParse(closed, out var flag) && flag;
            parsed.Add(new StageInput(stageLabel, JsonBody.IntOf(node?["displayOrder"]) ?? index, probability.Value, isClosed));
        }

        return (new PipelineInput(label, JsonBody.IntOf(body["displayOrder"]) ?? 0, parsed), null);
    }

    public DealPipeline Create(PortalState state, DateTimeOffset now) => new(
        Id(state), Label, DisplayOrder, now, now,
        [.. Stages.Select(s => new DealStage(Id(state), s.Label, s.DisplayOrder, s.Probability, s.IsClosed, now)).OrderBy(s => s.DisplayOrder)]);

    private static string Id(PortalState state) => state.NextId().ToString(CultureInfo.InvariantCulture);

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
