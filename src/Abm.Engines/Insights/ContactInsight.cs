using Abm.Engines.Content;
using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines.Insights;

/// <summary>The engine's conclusions about a contact that are written back to its <c>abm_*</c> properties.</summary>
/// <param name="Score">Engagement score, 0..100 (<c>abm_content_engagement_score</c>).</param>
/// <param name="Stage">Journey stage (<c>abm_journey_stage</c>).</param>
/// <param name="Persona">Persona (<c>abm_persona_classification</c>).</param>
/// <param name="PreferredFormat">Preferred content format, if the history shows one (<c>abm_preferred_content_format</c>).</param>
public sealed record ContactInsight(double Score, JourneyStage Stage, Persona Persona, ContentType? PreferredFormat);
