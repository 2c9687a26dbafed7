using System.Collections.Immutable;

namespace Abm.Engines.Engagement;

/// <summary>
/// Points per event type, configurable per workspace. Immutable: <see cref="With"/> returns a changed copy.
/// </summary>
public sealed class EventWeights
{
    private readonly ImmutableArray<double> _byType;

    private EventWeights(ImmutableArray<double> byType) => _byType = byType;

    /// <summary>
    /// The specified default weights, plus the two outcome signals: a form submission (35) is a hand-raise but
    /// weaker than a pricing inquiry (45); a booked meeting (60) is the conversion the product exists to drive,
    /// so it outranks a demo request (50).
    /// </summary>
    public static EventWeights Default { get; } = new(
    [
        5,  // email_open
        10, // email_click
        15, // website_visit
        25, // content_download
        20, // social_share
        30, // webinar_attendance
        50, // demo_request
        45, // pricing_inquiry
        35, // form_submission
        60, // meeting_booked
    ]);

    /// <summary>The weight of one event of <paramref name="type"/>.</summary>
    public double this[EngagementEventType type] => _byType[(int)type];

    /// <summary>A copy with <paramref name="type"/> weighted <paramref name="weight"/> (must be finite and &gt;= 0).</summary>
    public EventWeights With(EngagementEventType type, double weight)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "Event weights must be finite and non-negative.");
        }

        return new EventWeights(_byType.SetItem((int)type, weight));
    }

    /// <summary>The weights as a table indexed by <c>(int)EngagementEventType</c>, for tight loops.</summary>
    internal double[] ToTable() => [.. _byType];
}
