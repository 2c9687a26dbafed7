using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Recommendations;

internal sealed class RecommendationOptions
{
    public const string Section = "Recommendations";

    /// <summary>A contact's cached recommendations are recomputed once its score moves by more than this.</summary>
    [Range(0, 100, ErrorMessage = "Recommendations:CacheScoreDelta must be between 0 and 100.")]
    public double CacheScoreDelta { get; set; } = 5;

    /// <summary>How long cached recommendations live at most, even when nothing changed.</summary>
    [Range(1, 1440, ErrorMessage = "Recommendations:CacheMinutes must be between 1 and 1440.")]
    public int CacheMinutes { get; set; } = 60;

    /// <summary>
    /// When true, items written only for other industries than the contact's may still be recommended (scored 0 on
    /// the industry factor); by default they are never recommended.
    /// </summary>
    public bool AllowOtherIndustries { get; set; }

    /// <summary>
    /// The nightly pass fits the recommender's weights when the workspace's last fit is this many days old or more
    /// (a proposal still waits for an admin's approval); 0 never fits on its own.
    /// </summary>
    [Range(0, 365, ErrorMessage = "Recommendations:FitEveryDays must be between 0 and 365.")]
    public int FitEveryDays { get; set; } = 7;
}
