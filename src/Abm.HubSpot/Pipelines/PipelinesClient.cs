using Abm.HubSpot.Http;

namespace Abm.HubSpot.Pipelines;

/// <summary>The CRM pipelines API (<c>/crm/v3/pipelines/{objectType}</c>): an object type's pipelines and their stages.</summary>
public sealed class PipelinesClient
{
    /// <summary>The object type whose pipelines ABM Engine reads.</summary>
    public const string Deals = "deals";

    private readonly HubSpotTransport _transport;

    internal PipelinesClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>Every pipeline of <paramref name="objectType"/> with its stages, in display order; one call.</summary>
    public async Task<IReadOnlyList<Pipeline>> ListAsync(string objectType = Deals, CancellationToken cancellationToken = default)
    {
        var list = await _transport.SendAsync<PipelineListDto>(HubSpotRequest.Get(HubSpotPaths.Pipelines(objectType)), cancellationToken);
        return [.. (list?.Results ?? []).Select(p => p.ToPipeline()).OrderBy(p => p.DisplayOrder).ThenBy(p => p.Label, StringComparer.Ordinal)];
    }

    /// <summary>The stages of one pipeline in display order; a <see cref="HubSpotApiException"/> with 404 when HubSpot has no such pipeline.</summary>
    public async Task<IReadOnlyList<PipelineStage>> ListStagesAsync(string pipelineId, string objectType = Deals, CancellationToken cancellationToken = default)
    {
        var list = await _transport.SendAsync<PipelineStageListDto>(HubSpotRequest.Get(HubSpotPaths.PipelineStages(objectType, pipelineId)), cancellationToken);
        return [.. (list?.Results ?? []).Select(s => s.ToStage()).OrderBy(s => s.DisplayOrder)];
    }
}
