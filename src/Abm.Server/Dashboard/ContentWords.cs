using Abm.Engines;
using Abm.Engines.Content;

namespace Abm.Server.Dashboard;

/// <summary>The content page's words and choices.</summary>
internal static class ContentWords
{
    public static IReadOnlyList<string> Types { get; } = [.. Enum.GetValues<ContentType>().Select(t => t.ToWireName())];

    public static IReadOnlyList<string> Complexities => Features.Content.ContentItemRequest.Complexities;

    public static string Type(string type) => type switch
    {
        "roi_calculator" => "ROI calculator",
        _ => Labels.Words(type),
    };

    /// <summary>A 0..1 rate as a whole percentage: "37%".</summary>
    public static string Percent(double rate) => $"{rate * 100:0}%";
}
