namespace Abm.Engines.Engagement;

/// <summary>
/// A coarse reading of a 0..100 engagement score for people scanning many contacts or accounts at once. "Engaged"
/// has one meaning everywhere: a score at or above the engaged threshold (40 by default), the engaged and hot bands.
/// </summary>
public enum EngagementBand
{
    /// <summary><c>cold</c>: below 20; at most a stray open or an old visit.</summary>
    Cold,

    /// <summary><c>warming</c>: 20 up to the engaged threshold (40): recent but light activity.</summary>
    Warming,

    /// <summary><c>engaged</c>: 40 up to 69: regular activity across several kinds of touch.</summary>
    Engaged,

    /// <summary><c>hot</c>: 70 and above: heavy, recent, deep activity; the people sales should call first.</summary>
    Hot,
}

/// <summary>Where the engagement bands start; the engaged band starts at the default engaged-contact threshold.</summary>
public static class EngagementBands
{
    /// <summary>Lowest score of the warming band.</summary>
    public const int WarmingFrom = 20;

    /// <summary>Lowest score of the engaged band, the default engaged-contact threshold.</summary>
    public const int EngagedFrom = 40;

    /// <summary>Lowest score of the hot band.</summary>
    public const int HotFrom = 70;

    /// <summary>The band a score falls in.</summary>
    /// <param name="score">An engagement score, 0..100.</param>
    public static EngagementBand Of(double score) =>
        score >= HotFrom ? EngagementBand.Hot : score >= EngagedFrom ? EngagementBand.Engaged : score >= WarmingFrom ? EngagementBand.Warming : EngagementBand.Cold;
}
