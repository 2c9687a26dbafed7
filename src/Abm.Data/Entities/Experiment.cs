namespace Abm.Data.Entities;

/// <summary>
/// An experiment on how recommendations are made: its arms (JSON), who is held out, what it measures, how its
/// sequential test is set, and where it stands (<c>draft</c>, <c>running</c>, <c>stopped</c>) with its last evaluation
/// and the decision it stopped on.
/// </summary>
public sealed class Experiment : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>The arms as JSON: key, weight (share of the units not held out) and the factor weights it recommends with.</summary>
    public string Variants { get; set; } = "[]";

    public string Status { get; set; } = "draft";

    /// <summary><c>recommendation</c>: what the arms change is how contacts' next content is ranked.</summary>
    public string Kind { get; set; } = "recommendation";

    /// <summary><c>engaged_7d</c>, <c>meeting_30d</c> or <c>deal_30d</c>: the outcome the stopping rule watches.</summary>
    public string Metric { get; set; } = "engaged_7d";

    public double HoldoutShare { get; set; }
    public double Alpha { get; set; } = 0.05;

    /// <summary>The difference in conversion the sequential test is tuned to find fastest (it is valid for any).</summary>
    public double EffectSize { get; set; } = 0.05;

    public int MaxDays { get; set; } = 30;
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>Why it stopped, in words: the winning comparison, the end of its planned length, or who stopped it.</summary>
    public string? Decision { get; set; }

    /// <summary>The last evaluation as JSON (each arm's counts and comparison, the always-valid p-values carried to the next look).</summary>
    public string? Evaluation { get; set; }

    public DateTime? EvaluatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
