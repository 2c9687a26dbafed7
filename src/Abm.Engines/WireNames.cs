using Abm.Engines.Content;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines;

/// <summary>
/// Converts the engine's enums to and from the strings stored in HubSpot properties, API payloads and CSV files.
/// Parsing ignores case and surrounding spaces.
/// </summary>
public static class WireNames
{
    private static readonly WireNameMap<EngagementEventType> EventTypes = new(WireNameStyle.LowerSnake);
    private static readonly WireNameMap<JourneyStage> Stages = new(WireNameStyle.LowerSnake);
    private static readonly WireNameMap<DealStage> DealStages = new(WireNameStyle.LowerJoined);
    private static readonly WireNameMap<Persona> Personas = new(WireNameStyle.LowerSnake);
    private static readonly WireNameMap<ContentType> ContentTypes = new(WireNameStyle.LowerSnake);
    private static readonly WireNameMap<BuyingRoles> SingleRoles = new(WireNameStyle.UpperSnake);

    /// <summary><c>email_open</c>, <c>demo_request</c>, ...</summary>
    public static string ToWireName(this EngagementEventType value) => EventTypes.NameOf(value);

    /// <summary><c>problem_awareness</c>, <c>vendor_evaluation</c>, ...</summary>
    public static string ToWireName(this JourneyStage value) => Stages.NameOf(value);

    /// <summary><c>appointmentscheduled</c>, <c>closedwon</c>, ...</summary>
    public static string ToWireName(this DealStage value) => DealStages.NameOf(value);

    /// <summary><c>c_suite_executive</c>, <c>unknown</c>, ...</summary>
    public static string ToWireName(this Persona value) => Personas.NameOf(value);

    /// <summary><c>case_study</c>, <c>roi_calculator</c>, ...</summary>
    public static string ToWireName(this ContentType value) => ContentTypes.NameOf(value);

    /// <summary>HubSpot's multi-select form: <c>CHAMPION;INFLUENCER</c> (empty for none).</summary>
    public static string ToWireName(this BuyingRoles value) =>
        string.Join(';', Enum.GetValues<BuyingRoles>()
            .Where(role => IsSingleRole(role) && value.HasFlag(role))
            .Select(SingleRoles.NameOf));

    /// <summary>Parses an event type wire name.</summary>
    public static bool TryParseEventType(string? text, out EngagementEventType value) => EventTypes.TryParse(text, out value);

    /// <summary>Parses a journey stage wire name.</summary>
    public static bool TryParseJourneyStage(string? text, out JourneyStage value) => Stages.TryParse(text, out value);

    /// <summary>Parses a HubSpot default deal stage id.</summary>
    public static bool TryParseDealStage(string? text, out DealStage value) => DealStages.TryParse(text, out value);

    /// <summary>Parses a persona wire name.</summary>
    public static bool TryParsePersona(string? text, out Persona value) => Personas.TryParse(text, out value);

    /// <summary>Parses a content type wire name.</summary>
    public static bool TryParseContentType(string? text, out ContentType value) => ContentTypes.TryParse(text, out value);

    /// <summary>
    /// Parses HubSpot's <c>hs_buying_role</c> value, a <c>;</c>-separated list of single roles. Empty or blank
    /// text is <see cref="BuyingRoles.None"/>; any unknown or combined-name part makes the whole value invalid.
    /// </summary>
    public static bool TryParseBuyingRoles(string? text, out BuyingRoles value)
    {
        value = BuyingRoles.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!SingleRoles.TryParse(part, out var role) || !IsSingleRole(role))
            {
                value = BuyingRoles.None;
                return false;
            }

            value |= role;
        }

        return true;
    }

    private static bool IsSingleRole(BuyingRoles role) => role != BuyingRoles.None && (role & (role - 1)) == 0;
}
