using System.Text.Json;
using System.Text.RegularExpressions;
using Abm.Data;
using Abm.Engines.Experiments;
using Abm.Server.Features.Recommendations.Fitting;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Experiments;

/// <summary>
/// Checks an experiment request field by field and freezes each arm's weights (the weights in force now, the
/// defaults, a fit's or the ones given), so an arm recommends the same way for the experiment's whole life.
/// </summary>
internal sealed partial class ExperimentDefinitions(AbmDbContext database, WeightFitting fitting)
{
    public const int MaxArms = 4;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The problems by field; empty when the request is valid.</summary>
    public static Dictionary<string, string[]> Problems(ExperimentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        if (request.Key is not { } key || !KeyShape().IsMatch(key))
        {
            Add("key", "key is required: 1 to 100 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            Add("name", "name is required, at most 200 characters.");
        }

        if (request.Arms is not { Count: >= 2 and <= MaxArms } arms)
        {
            Add("arms", $"arms lists 2 to {MaxArms} arms; the first is the control.");
        }
        else
        {
            for (var i = 0; i < arms.Count; i++)
            {
                if (ArmProblem(arms[i]) is { } problem)
                {
                    Add($"arms[{i}]", problem);
                }
            }

            if (arms.Select(a => a.Key).Distinct(StringComparer.Ordinal).Count() != arms.Count)
            {
                Add("arms", "each arm needs its own key.");
            }
        }

        if (request.HoldoutShare is { } holdout && !(holdout is >= 0 and <= 0.5))
        {
            Add("holdoutShare", "holdoutShare is between 0 and 0.5 (the share of accounts kept out of every arm).");
        }

        if (request.Metric is { } metric && !ExperimentMetrics.All.Contains(metric))
        {
            Add("metric", $"metric is one of {string.Join(", ", ExperimentMetrics.All)}.");
        }

        if (request.Alpha is { } alpha && !(alpha is > 0 and <= 0.2))
        {
            Add("alpha", "alpha is above 0 and at most 0.2.");
        }

        if (request.EffectSize is { } effect && !(effect is > 0 and <= 0.5))
        {
            Add("effectSize", "effectSize (the difference in conversion the test is tuned to find) is above 0 and at most 0.5.");
        }

        if (request.MaxDays is < 1 or > 180)
        {
            Add("maxDays", "maxDays is between 1 and 180.");
        }

        return errors;
    }

    /// <summary>The arms with their weights frozen, or the field and message of the one that cannot be (an unknown fit).</summary>
    public async Task<(List<ArmDocument>? Arms, (string Field, string Message)? Problem)> FreezeAsync(IReadOnlyList<ArmRequest> arms, CancellationToken cancellationToken)
    {
        var frozen = new List<ArmDocument>();
        for (var i = 0; i < arms.Count; i++)
        {
            var arm = arms[i];
            WeightsDocument? weights = arm.Source switch
            {
                ArmSources.Current or ArmSources.Popularity => (await fitting.InForceAsync(cancellationToken)).Weights,
                ArmSources.Default => WeightsDocument.From(Engines.Recommendations.RelevanceWeights.Default),
                ArmSources.Custom => arm.Weights,
                _ => await database.RecommenderWeightFits.AsNoTracking().Where(f => f.Id == arm.FitId).Select(f => f.FittedWeights).SingleOrDefaultAsync(cancellationToken)
                    is { } fitted ? JsonSerializer.Deserialize<WeightsDocument>(fitted, Json) : null,
            };
            if (weights is null)
            {
                return (null, ($"arms[{i}].fitId", $"No weight fit {arm.FitId} in this workspace."));
            }

            frozen.Add(new ArmDocument(arm.Key!, arm.Share ?? 1, arm.Source!, arm.Source == ArmSources.Fit ? arm.FitId : null, weights, arm.GoLiveOnWin == true));
        }

        return (frozen, null);
    }

    public static IReadOnlyList<ArmDocument> Arms(string variants) => JsonSerializer.Deserialize<List<ArmDocument>>(variants, Json) ?? [];

    public static IReadOnlyList<ExperimentArm> EngineArms(IReadOnlyList<ArmDocument> arms) => [.. arms.Select(a => new ExperimentArm(a.Key, a.Share))];

    private static string? ArmProblem(ArmRequest arm)
    {
        if (arm.Key is not { } key || !KeyShape().IsMatch(key) || key.Length > 50 || key == ExperimentAssignment.Holdout)
        {
            return $"key is 1 to 50 lower-case letters, digits, '-' or '_', and not '{ExperimentAssignment.Holdout}'.";
        }

        if (arm.Share is { } share && !(share is > 0 and <= 100))
        {
            return "share is above 0 and at most 100.";
        }

        if (arm.Source is not { } source || !ArmSources.All.Contains(source))
        {
            return $"source is one of {string.Join(", ", ArmSources.All)}.";
        }

        if (source == ArmSources.Fit && arm.FitId is null)
        {
            return "a 'fit' arm names its fitId.";
        }

        if (arm.GoLiveOnWin == true && source != ArmSources.Fit)
        {
            return "goLiveOnWin is for a 'fit' arm only: it puts that fit in force when the arm wins.";
        }

        if (source == ArmSources.Custom && (arm.Weights is not { } w || new[] { w.Industry, w.Persona, w.Stage, w.EngagementHistory, w.Freshness, w.Performance }.Any(x => !(x is >= 0 and <= 1))
            || Math.Abs(w.Industry + w.Persona + w.Stage + w.EngagementHistory + w.Freshness + w.Performance - 1) > 1e-6))
        {
            return "a 'custom' arm gives weights: six numbers from 0 to 1 (industry, persona, stage, engagementHistory, freshness, performance) that sum to 1.";
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex KeyShape();
}
