namespace Abm.Engines.Engagement;

/// <summary>
/// How far down the buying funnel each event type sits (1 awareness .. 4 decision).
/// Fixed rather than per workspace: it describes what the event means, not how much a workspace values it.
/// </summary>
internal static class FunnelDepth
{
    public const int Deepest = 4;

    private static readonly int[] DepthByType = BuildTable();

    public static int Of(EngagementEventType type) => DepthByType[(int)type];

    private static int[] BuildTable()
    {
        var table = new int[EventTypeCount.Value];
        foreach (var type in Enum.GetValues<EngagementEventType>())
        {
            table[(int)type] = type switch
            {
                EngagementEventType.EmailOpen or EngagementEventType.EmailClick
                    or EngagementEventType.WebsiteVisit or EngagementEventType.SocialShare => 1,
                EngagementEventType.ContentDownload or EngagementEventType.WebinarAttendance => 2,
                EngagementEventType.FormSubmission or EngagementEventType.PricingInquiry => 3,
                EngagementEventType.DemoRequest or EngagementEventType.MeetingBooked => Deepest,
                _ => throw new InvalidOperationException($"No funnel depth for {type}."),
            };
        }

        return table;
    }
}

/// <summary>The number of <see cref="EngagementEventType"/> members, for tables indexed by type.</summary>
internal static class EventTypeCount
{
    public static readonly int Value = Enum.GetValues<EngagementEventType>().Length;
}
