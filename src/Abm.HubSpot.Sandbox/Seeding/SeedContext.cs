using System.Globalization;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>Shared state of one seeding run: the seeded generator and the names already taken.</summary>
internal sealed class SeedContext(PortalState state, Random random, DateTimeOffset now)
{
    public PortalState State { get; } = state;

    public Random Random { get; } = random;

    public DateTimeOffset Now { get; } = now;

    public HashSet<string> UsedDomains { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> UsedEmails { get; } = new(StringComparer.OrdinalIgnoreCase);

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>A moment between <paramref name="daysAgoMax"/> days ago and <paramref name="notBefore"/>.</summary>
    public DateTimeOffset PastTime(int daysAgoMax, DateTimeOffset? notBefore = null)
    {
        var earliest = notBefore ?? Now.AddDays(-daysAgoMax);
        var span = Now - earliest;
        var offset = TimeSpan.FromSeconds(Random.NextDouble() * Math.Max(span.TotalSeconds, 1));
        return TruncateToMillisecond(earliest + offset);
    }

    public string OwnerId() => Pick(State.Owners).Id.ToString(CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset time) => HubSpotTime.Format(time);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset TruncateToMillisecond(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
