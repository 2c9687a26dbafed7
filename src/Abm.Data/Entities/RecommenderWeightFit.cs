namespace Abm.Data.Entities;

/// <summary>
/// One fit of the recommender's six factor weights on the workspace's own outcomes, with its evaluation and what
/// became of it. The workspace's weights in force are those of its one <c>active</c> fit, or the defaults.
/// </summary>
public sealed class RecommenderWeightFit : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary><c>proposed</c>, <c>not_better</c>, <c>active</c>, <c>rejected</c> or <c>superseded</c>.</summary>
    public required string Status { get; set; }

    /// <summary>The weights in force when the fit ran, as JSON.</summary>
    public required string CurrentWeights { get; set; }

    /// <summary>The weights the fit found, as JSON.</summary>
    public required string FittedWeights { get; set; }

    /// <summary>Both weightings judged on the fit and held-out periods, the margin and the search's size, as JSON.</summary>
    public required string Evaluation { get; set; }

    /// <summary>Start of the fit period: contacts are taken as they stood here.</summary>
    public DateTime FitCutoff { get; set; }

    /// <summary>End of the fit period and start of the held-out period.</summary>
    public DateTime HeldOutCutoff { get; set; }

    /// <summary>End of the held-out period: when the fit ran.</summary>
    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
}
