namespace Abm.Engines.Engagement;

/// <summary>A coarse reading of a 0..100 engagement score for people scanning many accounts at once.</summary>
public enum EngagementBand
{
    /// <summary><c>low</c>: below 40, the default engaged-contact threshold.</summary>
    Low,

    /// <summary><c>medium</c>: engaged (40) up to 69.</summary>
    Medium,

    /// <summary><c>high</c>: 70 and above.</summary>
    High,
}

/// <summary>Where the engagement bands start; the medium band starts at the default engaged-contact threshold.</summary>
public static class EngagementBands
{
    /// <summary>Lowest score of the medium band.</summary>
    public const int MediumFrom = 40;

    /// <summary>Lowest score of the high band.</summary>
    public const int HighFrom = 70;

    /// <summary>The band a score falls in.</summary>
    /// <param name="score">An engagement score, 0..100.</param>
    public static EngagementBand Of(double score) => score >= HighFrom ? EngagementBand.High : score >= MediumFrom ? EngagementBand.Medium : EngagementBand.Low;
}
