using Abm.HubSpot;
using Abm.HubSpot.Pipelines;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// The checks of a write against the portal itself, before it is sent: every property exists and is writable, every
/// value fits its type, and a deal's stage is a stage of its pipeline. Definitions and pipelines come from
/// <see cref="PortalCatalogs"/>; a name they do not know makes them read once more before it is refused.
/// </summary>
internal sealed class RecordPortalChecks(PortalCatalogs catalogs)
{
    /// <summary>Adds a problem per bad property to <paramref name="errors"/>, and puts values in the form HubSpot stores (booleans in lower case) into <paramref name="properties"/>.</summary>
    /// <remarks><c>currentPipeline</c> is a deal's pipeline before an update that changes its stage alone (from the local copy); null when unknown.</remarks>
    public async Task CheckAsync(
        Guid workspaceId, HubSpotClient client, CrmRecordKind kind, Dictionary<string, string?> properties, string? currentPipeline,
        IDictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var definitions = await catalogs.PropertiesAsync(workspaceId, client, kind.ObjectType, cancellationToken);
        if (properties.Keys.Where(name => !definitions.ContainsKey(name)).ToList() is { Count: > 0 } missing)
        {
            definitions = await catalogs.ReloadPropertiesAsync(workspaceId, client, kind.ObjectType, missing, cancellationToken) ?? definitions;
        }

        foreach (var (name, value) in properties.ToList())
        {
            if (!definitions.TryGetValue(name, out var definition))
            {
                errors[$"properties.{name}"] = [$"{name} is not a property of {kind.ObjectType} in this portal."];
            }
            else if (definition.ReadOnlyValue)
            {
                errors[$"properties.{name}"] = [$"{name} is computed by HubSpot and cannot be written."];
            }
            else
            {
                var (normalized, problem) = PropertyValueCheck.Check(definition, value ?? "");
                if (problem is null)
                {
                    properties[name] = normalized;
                }
                else
                {
                    errors[$"properties.{name}"] = [problem];
                }
            }
        }

        if (kind == CrmRecordKind.Deals && (properties.ContainsKey("pipeline") || properties.ContainsKey("dealstage")))
        {
            await CheckStageAsync(workspaceId, client, properties, currentPipeline, errors, cancellationToken);
        }
    }

    private async Task CheckStageAsync(
        Guid workspaceId, HubSpotClient client, Dictionary<string, string?> properties, string? currentPipeline, IDictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var pipelineId = properties.GetValueOrDefault("pipeline") is { Length: > 0 } given ? given : currentPipeline;
        var stageId = properties.GetValueOrDefault("dealstage");
        var pipelines = (await catalogs.PipelinesAsync(workspaceId, client, cancellationToken)).Value;
        if (!Fits(pipelines, pipelineId, stageId))
        {
            // A pipeline or stage added in HubSpot a moment ago is found by reading them again.
            pipelines = (await catalogs.ReloadPipelinesAsync(workspaceId, client, $"{pipelineId}/{stageId}", cancellationToken))?.Value ?? pipelines;
        }

        var pipeline = pipelineId is null ? null : pipelines.FirstOrDefault(p => p.Id == pipelineId);
        if (pipelineId is not null && pipeline is null)
        {
            errors["properties.pipeline"] = [$"'{pipelineId}' is not a deal pipeline of this portal: {string.Join(", ", pipelines.Select(p => p.Id))}."];
        }
        else if (!string.IsNullOrEmpty(stageId) && !Fits(pipelines, pipelineId, stageId))
        {
            var stages = pipeline?.Stages ?? [.. pipelines.SelectMany(p => p.Stages)];
            errors["properties.dealstage"] = [$"'{stageId}' is not a stage of {(pipeline is null ? "any deal pipeline" : $"pipeline '{pipeline.Id}'")}: {string.Join(", ", stages.Select(s => s.Id))}."];
        }
    }

    /// <summary>The pipeline exists (when named) and holds the stage (when given); with no pipeline known, any pipeline holding the stage will do.</summary>
    private static bool Fits(IReadOnlyList<Pipeline> pipelines, string? pipelineId, string? stageId)
    {
        var candidates = pipelineId is null ? pipelines : [.. pipelines.Where(p => p.Id == pipelineId)];
        return candidates.Count > 0 && (string.IsNullOrEmpty(stageId) || candidates.Any(p => p.Stages.Any(s => s.Id == stageId)));
    }
}
