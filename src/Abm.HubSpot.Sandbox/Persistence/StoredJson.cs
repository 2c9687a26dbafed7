using System.Text.Json;
using System.Text.Json.Serialization;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>How sections write their data: plain JSON, nulls kept, so that what is read back equals what was saved.</summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new StringSetConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"The data file holds no {typeof(T).Name}.");

    // Sets of names (OAuth scopes) are read-only sets in memory, which the serializer cannot create by itself.
    private sealed class StringSetConverter : JsonConverter<IReadOnlySet<string>>
    {
        public override IReadOnlySet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new HashSet<string>(JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [], StringComparer.Ordinal);

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Order(StringComparer.Ordinal).ToList(), options);
    }
}
