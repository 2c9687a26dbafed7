namespace Abm.Engines.Content;

/// <summary>How a content item has performed so far, each rate 0..1.</summary>
/// <param name="EngagementRate">Share of deliveries that were opened or viewed.</param>
/// <param name="ConversionRate">Share of viewers who went on to a high-intent action (form, demo, meeting).</param>
/// <param name="CompletionRate">Share of viewers who finished it (read to the end, watched through).</param>
public readonly record struct ContentPerformance(double EngagementRate, double ConversionRate, double CompletionRate)
{
    /// <summary>Throws when a rate is outside 0..1 or not a number.</summary>
    public void Validate()
    {
        foreach (var rate in (ReadOnlySpan<double>)[EngagementRate, ConversionRate, CompletionRate])
        {
            if (!(rate is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(ContentPerformance), rate, "Performance rates must be within 0..1.");
            }
        }
    }
}
