using System.Text.Json;

namespace Abm.Engines.Nurture;

/// <summary>A sequence that ships with the product, ready to instantiate: its key and its document.</summary>
public sealed record SequenceTemplate(string Key, string Name, JsonElement Document);

/// <summary>The sequences that ship with the product, kept as documents in the same form authors write.</summary>
public static class SequenceTemplates
{
    private static readonly Lazy<IReadOnlyList<SequenceTemplate>> Loaded = new(Load);

    /// <summary>Awareness-to-evaluation drip, re-engagement of cold accounts, high-intent fast track.</summary>
    public static IReadOnlyList<SequenceTemplate> All => Loaded.Value;

    /// <summary>The template with this key, or null.</summary>
    public static SequenceTemplate? Find(string key) => All.FirstOrDefault(t => t.Key == key);

    private static List<SequenceTemplate> Load()
    {
        var assembly = typeof(SequenceTemplates).Assembly;
        const string prefix = "Abm.Engines.Nurture.Templates.";
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                var document = JsonDocument.Parse(stream).RootElement.Clone();
                return new SequenceTemplate(name[prefix.Length..^".json".Length], document.GetProperty("name").GetString()!, document);
            })];
    }
}
