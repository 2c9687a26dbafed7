using System.Text.Json;

namespace Abm.Engines.Nurture;

/// <summary>The JSON Schema (draft 2020-12) of a sequence document, for editors and for the API to publish.</summary>
public static class SequenceSchema
{
    private static readonly Lazy<JsonElement> Loaded = new(() =>
    {
        using var stream = typeof(SequenceSchema).Assembly.GetManifestResourceStream("Abm.Engines.Nurture.sequence.schema.json")!;
        return JsonDocument.Parse(stream).RootElement.Clone();
    });

    /// <summary>The schema document.</summary>
    public static JsonElement Document => Loaded.Value;
}
