namespace Abm.Engines.Analytics;

/// <summary>The length of one bucket of an analytics series. Weeks start on Monday (ISO 8601); days are UTC days.</summary>
public enum AnalyticsPeriod
{
    /// <summary>Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A calendar quarter (January, April, July, October).</summary>
    Quarter,
}
