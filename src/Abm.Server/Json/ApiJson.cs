using System.Text.Json.Serialization;

namespace Abm.Server.Json;

/// <summary>
/// One JSON policy for every answer and request body: property names in camelCase (the web defaults) and enum
/// values by their names as docs/api.md lists them (Accepted, Rejected...), never as numbers. The OpenAPI document
/// is generated from the same options, so it describes what is sent.
/// </summary>
internal static class ApiJson
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
}
