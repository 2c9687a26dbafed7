using System.Text.Json;
using System.Text.Json.Serialization;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// A record's <c>properties</c> object in a response: values taken under the portal's lock, written as a JSON object
/// (nulls kept) with the names its <see cref="PropertySelection"/> encoded once for the whole page.
/// </summary>
[JsonConverter(typeof(ShownPropertiesConverter))]
internal sealed class ShownProperties(PropertySelection selection, IReadOnlyList<ShownProperties.Value> values)
{
    /// <summary>The value of the selection's name at <paramref name="NameIndex"/>.</summary>
    internal readonly record struct Value(int NameIndex, string? Text);

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (nameIndex, text) in values)
        {
            writer.WritePropertyName(selection.EncodedNames[nameIndex]);
            if (text is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(text);
            }
        }

        writer.WriteEndObject();
    }

    private sealed class ShownPropertiesConverter : JsonConverter<ShownProperties>
    {
        public override ShownProperties Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Shown properties are only written.");

        public override void Write(Utf8JsonWriter writer, ShownProperties value, JsonSerializerOptions options) => value.WriteTo(writer);
    }
}
