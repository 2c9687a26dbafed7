using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Pipelines;

/// <summary>
/// Keeps deals' <c>pipeline</c> and <c>dealstage</c> properties in step with the pipelines, as HubSpot does: their
/// options are every pipeline and every stage, and a deal's stage must belong to the deal's pipeline.
/// </summary>
internal static class DealStageOptions
{
    public static void Add(PortalState state, DealPipeline pipeline, DateTimeOffset now)
    {
        var schema = state.Schemas[CrmObjectTypes.Deals];
        Extend(schema, "pipeline", [new PropertyOption(pipeline.Label, pipeline.Id, DisplayOrder: pipeline.DisplayOrder)], now);
        Extend(schema, "dealstage", [.. pipeline.Stages.Select(s => new PropertyOption(s.Label, s.Id, DisplayOrder: s.DisplayOrder))], now);
    }

    /// <summary>
    /// HubSpot's refusal when a deal would end up in a stage of another pipeline (the stage and the pipeline are each a
    /// valid option, so the property check alone lets the pair through); null when the pair fits or is not set.
    /// </summary>
    public static HubSpotError? Mismatch(PortalState state, CrmObjectType type, IReadOnlyDictionary<string, string?> values, CrmRecord? existing)
    {
        if (type != CrmObjectTypes.Deals || !(values.ContainsKey("dealstage") || values.ContainsKey("pipeline")))
        {
            return null;
        }

        var stage = values.TryGetValue("dealstage", out var written) ? written : existing?.Get("dealstage");
        var pipelineId = (values.TryGetValue("pipeline", out var chosen) ? chosen : existing?.Get("pipeline")) ?? DefaultDealPipeline.Id;
        if (string.IsNullOrEmpty(stage) || PipelineHandlers.Find(state, pipelineId) is not { } pipeline || pipeline.Stage(stage) is not null)
        {
            return null;
        }

        return PropertyProblem.ToError([new PropertyProblem("dealstage", "INVALID_OPTION",
            $"{stage} is not a valid stage of pipeline {pipelineId}: [{string.Join(", ", pipeline.Stages.Select(s => s.Id))}]")]);
    }

    private static void Extend(PropertySchema schema, string name, IReadOnlyList<PropertyOption> added, DateTimeOffset now)
    {
        if (schema.Find(name) is { } definition)
        {
            schema.Put(definition with { Options = [.. definition.Options, .. added], UpdatedAt = now });
        }
    }
}
