using Abm.Engines.Engagement;

namespace Abm.Engines.Tests.Engagement;

/// <summary>Seeded random event histories for property checks.</summary>
internal static class RandomEvents
{
    public static readonly DateTimeOffset Now = new(2025, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly EngagementEventType[] AllTypes = Enum.GetValues<EngagementEventType>();

    /// <summary>Up to <paramref name="maxEvents"/> events spread over 200 days before <see cref="Now"/> plus a few after.</summary>
    public static List<EngagementEvent> History(Random random, int maxEvents)
    {
        var count = random.Next(0, maxEvents + 1);
        var events = new List<EngagementEvent>(count);
        for (var i = 0; i < count; i++)
        {
            events.Add(Event(random, Now.AddDays(-200 + (random.NextDouble() * 205))));
        }

        return events;
    }

    public static EngagementEvent Event(Random random, DateTimeOffset at) =>
        new(AllTypes[random.Next(AllTypes.Length)], at);
}
