namespace Abm.HubSpot.Sandbox.Http;

/// <summary>One entry of the <c>errors</c> array of a HubSpot error body.</summary>
internal sealed record HubSpotErrorDetail(
    string Message,
    string? Code = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Context = null);
