using Abm.Engines.Engagement;

namespace Abm.Benchmarks;

/// <summary>One event row as the database hands it over: the input of the LINQ baseline.</summary>
internal readonly record struct EventRow(int ContactId, EngagementEventType Type, DateTimeOffset OccurredAt);

/// <summary>A deterministic workspace of events, both as rows and as the columns the fast path takes.</summary>
internal sealed class ScoringData
{
    public static readonly DateTimeOffset Now = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    // Cheap, common events dominate real portals; high-intent ones are rare.
    private static readonly (EngagementEventType Type, int Share)[] Mix =
    [
        (EngagementEventType.EmailOpen, 40), (EngagementEventType.EmailClick, 15), (EngagementEventType.WebsiteVisit, 20),
        (EngagementEventType.ContentDownload, 8), (EngagementEventType.SocialShare, 4), (EngagementEventType.WebinarAttendance, 4),
        (EngagementEventType.FormSubmission, 4), (EngagementEventType.PricingInquiry, 2), (EngagementEventType.DemoRequest, 2),
        (EngagementEventType.MeetingBooked, 1),
    ];

    public ScoringData(int contactCount, int eventCount, int seed)
    {
        ContactCount = contactCount;
        ContactIds = new int[eventCount];
        UtcTicks = new long[eventCount];
        Types = new EngagementEventType[eventCount];
        var bag = Mix.SelectMany(m => Enumerable.Repeat(m.Type, m.Share)).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < eventCount; i++)
        {
            ContactIds[i] = random.Next(contactCount);
            Types[i] = bag[random.Next(bag.Length)];
            UtcTicks[i] = Now.UtcTicks - (long)(random.NextDouble() * 180 * TimeSpan.TicksPerDay);
        }

        Rows = [.. Enumerable.Range(0, eventCount).Select(i => new EventRow(ContactIds[i], Types[i], new DateTimeOffset(UtcTicks[i], TimeSpan.Zero)))];
    }

    public int ContactCount { get; }

    public int[] ContactIds { get; }

    public long[] UtcTicks { get; }

    public EngagementEventType[] Types { get; }

    public EventRow[] Rows { get; }

    public ContactEventBatch Group() => ContactEventBatch.FromColumns(ContactCount, ContactIds, UtcTicks, Types);

    public static ContactEngagementScore[] Score(ContactEventBatch batch) => EngagementScorer.ScoreAll(batch, Now, EngagementSettings.Default);

    /// <summary>The fast path end to end: group the columns by contact, then score every contact.</summary>
    public ContactEngagementScore[] ScoreFast() => Score(Group());

    public double[] ScoreLinq() => LinqEngagementScorer.ScoreAll(Rows, ContactCount, Now, EngagementSettings.Default);
}
