using Abm.Engines.Recommendations;
using Abm.Engines.Recommendations.Fitting;

namespace Abm.Server.Features.Recommendations.Fitting;

/// <summary>The six factor weights as the API shows and stores them; they sum to 1.</summary>
internal sealed record WeightsDocument(double Industry, double Persona, double Stage, double EngagementHistory, double Freshness, double Performance)
{
    public static WeightsDocument From(RelevanceWeights w) => new(w.Industry, w.Persona, w.Stage, w.EngagementHistory, w.Freshness, w.Performance);

    public RelevanceWeights ToEngine() => new()
    {
        Industry = Industry,
        Persona = Persona,
        Stage = Stage,
        EngagementHistory = EngagementHistory,
        Freshness = Freshness,
        Performance = Performance,
    };
}

/// <summary>NDCG@5 and hit-rate@5 of one weighting on one period, over the contacts judged.</summary>
internal sealed record EvaluationDocument(double Ndcg, double HitRate, int Contacts)
{
    public static EvaluationDocument From(WeightEvaluation e) => new(Math.Round(e.Ndcg, 4), Math.Round(e.HitRate, 4), e.Contacts);
}

/// <summary>Both weightings on both periods, with the rule the proposal was judged by.</summary>
internal sealed record FitEvaluationDocument(
    EvaluationDocument CurrentOnFit,
    EvaluationDocument FittedOnFit,
    EvaluationDocument CurrentOnHeldOut,
    EvaluationDocument FittedOnHeldOut,
    double Margin,
    int PeriodDays,
    int WeightingsTried);

internal sealed record WeightFitResponse(
    Guid Id,
    string Status,
    WeightsDocument CurrentWeights,
    WeightsDocument FittedWeights,
    FitEvaluationDocument Evaluation,
    DateTime FitCutoff,
    DateTime HeldOutCutoff,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? DecidedAt,
    string? DecidedBy);

/// <summary>
/// PeriodDays: length of each of the two periods (default 7). Margin: the relative NDCG@5 gain on the held-out
/// period the fitted weights need to be proposed (default 0.03). MaxContacts: contacts judged per period at most
/// (default 2,000), a fixed sample when more engaged.
/// </summary>
internal sealed record WeightFitRequest(int? PeriodDays, double? Margin, int? MaxContacts);

/// <summary>The weights every recommendation of the workspace uses now: the defaults, or an approved fit's.</summary>
internal sealed record WeightsInForceResponse(WeightsDocument Weights, string Source, Guid? FitId, DateTime? ApprovedAt, string? ApprovedBy);

internal static class WeightFitStatuses
{
    public const string Proposed = "proposed";
    public const string NotBetter = "not_better";
    public const string Active = "active";
    public const string Rejected = "rejected";
    public const string Superseded = "superseded";
}
