namespace Abm.Engines.Insights;

/// <summary>Which parts of a <see cref="ContactInsight"/> changed enough to be written back.</summary>
[Flags]
public enum InsightChanges
{
    /// <summary>Nothing worth writing back.</summary>
    None = 0,

    /// <summary>Nothing was written back before: everything is new to HubSpot.</summary>
    NeverWritten = 1 << 0,

    /// <summary>The score moved by at least the significant delta.</summary>
    Score = 1 << 1,

    /// <summary>The journey stage changed.</summary>
    Stage = 1 << 2,

    /// <summary>The persona changed.</summary>
    Persona = 1 << 3,

    /// <summary>The preferred content format changed (including appearing or disappearing).</summary>
    PreferredFormat = 1 << 4,
}
