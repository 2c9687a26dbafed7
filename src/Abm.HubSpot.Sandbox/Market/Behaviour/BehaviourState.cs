namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// The behaviour simulation's memory for one portal: how far it has run, what is scheduled, and what buyers
/// did so far. Part of the portal's data (replaced on reseed) and used only under the portal's lock.
/// </summary>
internal sealed class BehaviourState
{
    /// <summary>False until the first advance; the simulation starts at the moment the portal was seeded.</summary>
    public bool Started { get; set; }

    /// <summary>Everything up to and including this moment has happened.</summary>
    public DateTimeOffset SimulatedUntil { get; set; }

    /// <summary>
    /// Nothing planned before this moment happens: the moment of seeding, or for a portal read back from the data
    /// file the moment it resumed (what its buyers did earlier that day happened before the restart).
    /// </summary>
    public DateTimeOffset PlanFrom { get; set; }

    /// <summary>UTC midnight of the next simulated day to plan.</summary>
    public DateTimeOffset NextDayStart { get; set; }

    /// <summary>Actions scheduled for later, ordered by time and then by the order they were scheduled in.</summary>
    public PriorityQueue<Happening, (long Ticks, long Sequence)> Pending { get; } = new();

    public long NextSequence { get; set; }

    /// <summary>Numbers the email events and site events the simulation produces, so their ids are reproducible.</summary>
    public long NextEventNumber { get; set; }

    public RelevanceCache? Relevance { get; set; }

    /// <summary>Seeded buyers in id order, so every pass visits them in the same order.</summary>
    public ContactProfile[] Buyers { get; set; } = [];

    /// <summary>Visits, downloads and form submissions, oldest first.</summary>
    public List<SiteEvent> SiteEvents { get; } = [];

    /// <summary>The transactional sends reacted to, in the order they were sent.</summary>
    public List<SendRecord> Sends { get; } = [];

    /// <summary>When each buyer was sent a transactional email, for the fatigue of the next one.</summary>
    public Dictionary<long, List<DateTimeOffset>> SendTimes { get; } = [];

    public HashSet<long> Unsubscribed { get; } = [];

    /// <summary>Meetings each account's buyers booked, by moment; they drive deals.</summary>
    public Dictionary<long, List<DateTimeOffset>> AccountMeetings { get; } = [];

    /// <summary>Deals the simulation closed, per account: the won/lost outcome the truth export reports.</summary>
    public Dictionary<long, List<DealOutcome>> Outcomes { get; } = [];

    /// <summary>The highest task id looked at, and tasks seen before they were associated to a contact.</summary>
    public long LastTaskIdSeen { get; set; }

    public List<long> TasksAwaitingContact { get; } = [];

    /// <summary>Events produced per simulated day (UTC date) and kind.</summary>
    public SortedDictionary<DateOnly, Dictionary<string, int>> DailyCounts { get; } = [];

    public void Count(DateTimeOffset at, string kind, int count = 1)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (!DailyCounts.TryGetValue(day, out var counts))
        {
            counts = new Dictionary<string, int>(StringComparer.Ordinal);
            DailyCounts[day] = counts;
        }

        counts[kind] = counts.GetValueOrDefault(kind) + count;
    }

    public void Schedule(Happening happening) => Pending.Enqueue(happening, (happening.At.UtcTicks, NextSequence++));

    public int SendsInWeekBefore(long contactId, DateTimeOffset at) =>
        SendTimes.TryGetValue(contactId, out var times) ? times.Count(t => t < at && t >= at.AddDays(-7)) : 0;

    public int MeetingsSince(long companyId, DateTimeOffset since) =>
        AccountMeetings.TryGetValue(companyId, out var times) ? times.Count(t => t >= since) : 0;
}

/// <summary>A deal the simulation closed won or lost.</summary>
internal sealed record DealOutcome(long DealId, bool Won, DateTimeOffset At);
