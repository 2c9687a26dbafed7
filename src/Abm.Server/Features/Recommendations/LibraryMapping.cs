using System.Text.Json;
using Abm.Engines;
using Abm.Engines.Content;
using Abm.Engines.Journey;
using Abm.Engines.Personas;
using EngineContent = Abm.Engines.Content.ContentItem;
using StoredContent = Abm.Data.Entities.ContentItem;

namespace Abm.Server.Features.Recommendations;

/// <summary>Maps stored content to the recommender's items; unknown vocabulary is skipped, never fatal.</summary>
internal static class LibraryMapping
{
    /// <summary>A company's industry as the library's targets spell it: lower case, words joined by underscores.</summary>
    public static string? ContactIndustry(string? industry) => industry?.Trim().ToLowerInvariant().Replace(' ', '_');

    public static EngineContent? ToEngine(StoredContent item)
    {
        if (!WireNames.TryParseContentType(item.ContentType, out var type))
        {
            return null;
        }

        return new EngineContent(
            item.Id.ToString(),
            item.Title,
            type,
            item.TargetIndustries,
            item.TargetPersonas.Select(p => WireNames.TryParsePersona(p, out var v) ? (Persona?)v : null).OfType<Persona>().ToList(),
            item.TargetJourneyStages.Select(s => WireNames.TryParseJourneyStage(s, out var v) ? (JourneyStage?)v : null).OfType<JourneyStage>().ToList(),
            new DateTimeOffset(DateTime.SpecifyKind(item.PublishedAt ?? item.CreatedAt, DateTimeKind.Utc)),
            ReadPerformance(item.PerformanceMetrics),
            item.Topic is null ? [] : [item.Topic]);
    }

    /// <summary>Rates kept in the item's performance metrics (0..1); absent or malformed rates count as zero.</summary>
    private static ContentPerformance ReadPerformance(string json)
    {
        using var document = JsonDocument.Parse(json);
        double Rate(string name) =>
            document.RootElement.ValueKind == JsonValueKind.Object &&
            document.RootElement.TryGetProperty(name, out var value) && value.TryGetDouble(out var rate) && rate is >= 0 and <= 1 ? rate : 0;
        return new ContentPerformance(Rate("engagementRate"), Rate("conversionRate"), Rate("completionRate"));
    }
}
