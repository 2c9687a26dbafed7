using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Abm.HubSpot.Sandbox.Http;

/// <summary>One serializer configuration for every sandbox response, shaped like HubSpot's JSON.</summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Optional fields are absent rather than null, as in HubSpot's responses; property maps keep their nulls.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IResult Json(object value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, Options, statusCode: statusCode);
}
