namespace Abm.Server.Features.Recommendations.Fitting;

/// <summary>
/// The two back-to-back periods of a fit, each <c>days</c> long and ending at <c>end</c>: contacts as of
/// <see cref="FitCutoff"/> judged on what they did until <see cref="HeldOutCutoff"/> (the search sees only this),
/// then contacts as of <see cref="HeldOutCutoff"/> judged on what they did until <see cref="End"/>.
/// </summary>
internal sealed record FittingWindow(DateTime FitCutoff, DateTime HeldOutCutoff, DateTime End)
{
    public static FittingWindow Ending(DateTime end, int days) => new(end.AddDays(-2 * days), end.AddDays(-days), end);
}
