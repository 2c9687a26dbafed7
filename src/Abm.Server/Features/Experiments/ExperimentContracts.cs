using Abm.Server.Features.Recommendations.Fitting;

namespace Abm.Server.Features.Experiments;

internal static class ExperimentStatuses
{
    public const string Draft = "draft";
    public const string Running = "running";
    public const string Stopped = "stopped";
}

/// <summary>The outcomes an experiment can watch, each counted per account (the unit assigned).</summary>
internal static class ExperimentMetrics
{
    /// <summary>Of the items shown, the share the contact engaged with within 7 days.</summary>
    public const string Engaged7d = "engaged_7d";

    /// <summary>Of the contacts shown anything, the share who booked a meeting within 30 days of the first item.</summary>
    public const string Meeting30d = "meeting_30d";

    /// <summary>Of the contacts shown anything, the share on a deal created within 30 days of the first item.</summary>
    public const string Deal30d = "deal_30d";

    /// <summary>Of the contacts a nurture sequence sent an item, the share who booked a meeting within 30 days after one of their sends.</summary>
    public const string ContentToMeeting = "content_to_meeting";

    public static readonly IReadOnlyList<string> All = [Engaged7d, Meeting30d, Deal30d, ContentToMeeting];
}

/// <summary>
/// How an arm recommends: by six-factor relevance under weights from one of four sources (frozen when the experiment
/// is saved), or by popularity (the items most contacts engaged with), the baseline a team without a recommender uses.
/// </summary>
internal static class ArmSources
{
    public const string Current = "current";
    public const string Default = "default";
    public const string Fit = "fit";
    public const string Custom = "custom";

    /// <summary>Ranks by reach; its frozen weights (those in force) only explain each pick's contributions.</summary>
    public const string Popularity = "popularity";

    public static readonly IReadOnlyList<string> All = [Current, Default, Fit, Custom, Popularity];
}

/// <summary>
/// One arm as asked for: a key, its share of the accounts not held out (default 1), where its weights come from, and
/// for a fit's arm whether the fit goes live when the experiment stops with this arm converting more than the control.
/// </summary>
internal sealed record ArmRequest(string? Key, double? Share, string? Source, Guid? FitId, WeightsDocument? Weights, bool? GoLiveOnWin = null);

/// <summary>A new experiment, or a draft's new definition. The first arm is the control the others are compared with.</summary>
internal sealed record ExperimentRequest(
    string? Key, string? Name, IReadOnlyList<ArmRequest>? Arms, double? HoldoutShare, string? Metric, double? Alpha, double? EffectSize, int? MaxDays);

/// <summary>An arm as stored: its weights frozen, whatever their source.</summary>
internal sealed record ArmDocument(string Key, double Share, string Source, Guid? FitId, WeightsDocument Weights, bool GoLiveOnWin = false);

internal sealed record ExperimentResponse(
    Guid Id, string Key, string Name, string Kind, string Status, IReadOnlyList<ArmDocument> Arms, double HoldoutShare, string Metric, double Alpha,
    double EffectSize, int MaxDays, DateTime? StartedAt, DateTime? EndedAt, string? Decision, DateTime? EvaluatedAt, string? CreatedBy, DateTime CreatedAt);

/// <summary>One arm's counts on one metric: accounts, units exposed (items or contacts) and those that converted.</summary>
internal sealed record ArmResult(string Arm, int Accounts, int Exposed, int Converted, double Rate);

/// <summary>An arm against the control on one metric.</summary>
internal sealed record ComparisonResult(
    string Arm, string Control, double Difference, double Low, double High, double PValue, double AlwaysValidPValue, bool Significant);

internal sealed record MetricResult(string Metric, bool Primary, IReadOnlyList<ArmResult> Arms, IReadOnlyList<ComparisonResult> Comparisons);

/// <summary>
/// An experiment's results now: every metric per arm with its comparisons. The primary metric's always-valid p-values
/// carry the running minimum of the looks the evaluator took; the other metrics' are those of this one look.
/// </summary>
internal sealed record ExperimentResults(Guid ExperimentId, string Status, DateTime ComputedAt, string? Decision, IReadOnlyList<MetricResult> Metrics);
