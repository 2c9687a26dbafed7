using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search;

internal sealed record SearchResponse(int Total, IReadOnlyList<RecordResponse> Results, Paging? Paging = null);
