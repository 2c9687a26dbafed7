using System.ComponentModel.DataAnnotations;
using Abm.Engines;
using Abm.Engines.Engagement;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// A workspace's engagement settings as stored and as the API takes them. Every field is optional:
/// what is left out keeps the product default. Ranges are given as doubles: an int range would convert the
/// value to int and overflow on a huge number instead of reporting it out of range.
/// </summary>
internal sealed record EngagementSettingsDocument(
    Dictionary<string, double>? EventWeights,
    [property: Range(0.5d, 3650d, ErrorMessage = "halfLifeDays must be between 0.5 and 3650.")] double? HalfLifeDays,
    [property: Range(1d, 3650d, ErrorMessage = "windowDays must be between 1 and 3650.")] double? WindowDays,
    [property: Range(0d, 100d, ErrorMessage = "engagedThreshold must be between 0 and 100.")] double? EngagedThreshold,
    [property: Range(0d, 100d, ErrorMessage = "significantScoreDelta must be between 0 and 100.")] double? SignificantScoreDelta) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (type, weight) in EventWeights ?? [])
        {
            if (!WireNames.TryParseEventType(type, out _))
            {
                yield return new ValidationResult($"eventWeights has unknown event type '{type}'.", [nameof(EventWeights)]);
            }
            else if (!double.IsFinite(weight) || weight is < 0 or > 1000)
            {
                yield return new ValidationResult($"eventWeights['{type}'] must be between 0 and 1000.", [nameof(EventWeights)]);
            }
        }
    }

    public EngagementSettings ToEngineSettings()
    {
        var defaults = EngagementSettings.Default;
        var weights = defaults.Weights;
        foreach (var (type, weight) in EventWeights ?? [])
        {
            if (WireNames.TryParseEventType(type, out var parsed))
            {
                weights = weights.With(parsed, weight);
            }
        }

        return defaults with
        {
            Weights = weights,
            HalfLifeDays = HalfLifeDays ?? defaults.HalfLifeDays,
            WindowDays = WindowDays ?? defaults.WindowDays,
            EngagedThreshold = EngagedThreshold ?? defaults.EngagedThreshold,
            SignificantScoreDelta = SignificantScoreDelta ?? defaults.SignificantScoreDelta,
        };
    }

    /// <summary>The effective settings, every field filled in, as shown to users.</summary>
    public static EngagementSettingsDocument Describe(EngagementSettings settings) => new(
        Enum.GetValues<EngagementEventType>().ToDictionary(t => t.ToWireName(), t => settings.Weights[t]),
        settings.HalfLifeDays, settings.WindowDays, settings.EngagedThreshold, settings.SignificantScoreDelta);
}
