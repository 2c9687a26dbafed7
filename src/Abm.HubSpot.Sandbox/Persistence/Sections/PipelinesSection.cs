using Abm.HubSpot.Sandbox.Pipelines;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>The deal pipelines with their stages, one document (the default pipeline included).</summary>
internal sealed class PipelinesSection : IPortalSection
{
    public string Name => "pipelines";

    public void Save(PortalState state, SectionRows rows) => rows.Document(StoredJson.Write(state.DealPipelines));

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        // A data file written before pipelines were kept has no row: the portal keeps the default pipeline it starts with.
        if (rows.FirstOrDefault() is not { } row)
        {
            return;
        }

        state.DealPipelines.Clear();
        state.DealPipelines.AddRange(StoredJson.Read<List<DealPipeline>>(row.Data));
    }
}
