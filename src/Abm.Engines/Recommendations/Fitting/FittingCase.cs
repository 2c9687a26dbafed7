namespace Abm.Engines.Recommendations.Fitting;

/// <summary>
/// One contact as it stood at a cut-off, and what it engaged with afterwards.
/// </summary>
/// <param name="Profile">The contact as of the cut-off: only what was consumed before it counts as consumed.</param>
/// <param name="Grades">
/// Item id to grade for the items the contact engaged with after the cut-off: 1 for a look (a visit or an email
/// click), 2 for a deeper engagement (a download, a webinar attended, a share, or someone approving the item for
/// the contact). Items absent from it count as grade 0.
/// </param>
public sealed record FittingCase(ContactProfile Profile, IReadOnlyDictionary<string, int> Grades);
