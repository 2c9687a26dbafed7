namespace Abm.Engines.Analytics;

/// <summary>How many things of one kind happened on one UTC day (what the database groups events and records into).</summary>
public readonly record struct DailyCount(DateOnly Day, long Count);
