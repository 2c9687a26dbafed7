using System.Text.Json;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Admin;

/// <summary>Reads an admin request body into a record; an empty body means the defaults.</summary>
internal static class AdminBody
{
    public static async Task<(T? Value, HubSpotError? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : new()
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return (new T(), null);
        }

        var (node, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (node is null)
        {
            return (default, error);
        }

        try
        {
            return (node.Deserialize<T>(SandboxJson.Options) ?? new T(), null);
        }
        catch (JsonException exception)
        {
            return (default, HubSpotErrors.Validation($"Invalid admin request: {exception.Message}"));
        }
    }
}
