using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>The body of a batch call: its inputs (at most 100) and the rest of the body.</summary>
internal sealed record BatchRequest(JsonObject Body, IReadOnlyList<JsonNode?> Inputs)
{
    public const int MaxInputs = 100;

    public static async Task<(BatchRequest? Request, HubSpotError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken, int maxInputs = MaxInputs)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, error);
        }

        if (body["inputs"] is not JsonArray inputs)
        {
            return (null, HubSpotErrors.Validation("Invalid input JSON: inputs is required and must be an array"));
        }

        return inputs.Count > maxInputs
            ? (null, HubSpotErrors.Validation($"Batch input size is too large. Size: {inputs.Count}, limit: {maxInputs}"))
            : (new BatchRequest(body, inputs.ToList()), null);
    }
}
