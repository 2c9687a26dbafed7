using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines.Content;

/// <summary>A content library item as the recommender sees it. Empty target lists mean "for everyone".</summary>
/// <param name="Id">Unique id within the workspace.</param>
/// <param name="Title">Human title, used in recommendation reasons.</param>
/// <param name="Type">Format.</param>
/// <param name="TargetIndustries">Industries it is written for (compared ignoring case).</param>
/// <param name="TargetPersonas">Personas it is written for.</param>
/// <param name="TargetStages">Journey stages it is written for.</param>
/// <param name="PublishedAt">Publication time; items published after "now" are not recommended yet.</param>
/// <param name="Performance">Measured performance.</param>
/// <param name="Tags">Topic tags, used to match the topics a contact engaged with.</param>
public sealed record ContentItem(
    string Id,
    string Title,
    ContentType Type,
    IReadOnlyList<string> TargetIndustries,
    IReadOnlyList<Persona> TargetPersonas,
    IReadOnlyList<JourneyStage> TargetStages,
    DateTimeOffset PublishedAt,
    ContentPerformance Performance,
    IReadOnlyList<string> Tags);
