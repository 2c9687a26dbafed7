using Abm.Engines.Content;
using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines.Recommendations;

/// <summary>What the recommender knows about the contact it recommends for.</summary>
/// <param name="Industry">The contact's company industry, or null when unknown.</param>
/// <param name="Persona">The contact's persona.</param>
/// <param name="Stage">The contact's journey stage.</param>
/// <param name="Formats">The contact's format preference (see <see cref="FormatPreferenceInference"/>).</param>
/// <param name="ConsumedContentIds">Items the contact already interacted with; they are never recommended.</param>
/// <param name="ExcludedContentIds">
/// Items someone ruled out for this contact (skipped): never recommended either, but, unlike consumed items, they
/// say nothing about what the contact reads, so they add nothing to its topic affinity.
/// </param>
public sealed record ContactProfile(
    string? Industry,
    Persona Persona,
    JourneyStage Stage,
    FormatPreference Formats,
    IReadOnlyCollection<string> ConsumedContentIds,
    IReadOnlyCollection<string>? ExcludedContentIds = null);
