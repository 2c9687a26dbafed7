using System.Text.Json;
using System.Text.Json.Serialization;

namespace Abm.HubSpot.Http;

/// <summary>The one serializer configuration for HubSpot's camelCase JSON; absent fields stay absent.</summary>
internal static class HubSpotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
