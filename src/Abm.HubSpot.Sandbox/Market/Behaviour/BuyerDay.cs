namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>Schedules one buyer's organic actions for a day, at plausible times, dropping any before seeding.</summary>
internal sealed class BuyerDay(BehaviourState behaviour, long contactId, DateTimeOffset dayStart, DateTimeOffset planFrom, Random random)
{
    public void MarketingEmail(long campaignId, double propensity, MarketContentItem link)
    {
        var sentAt = dayStart.AddHours(6).AddSeconds(random.Next(4 * 3600));
        Schedule(new Happening(sentAt, HappeningKind.MarketingEmail, contactId, SourceId: campaignId));
        if (random.NextDouble() >= 0.12 + (0.3 * propensity))
        {
            return;
        }

        var openedAt = sentAt.AddMinutes(2 + random.Next(600));
        Schedule(new Happening(openedAt, HappeningKind.EmailOpen, contactId, SourceId: campaignId));
        if (random.NextDouble() < 0.2 + (0.3 * propensity))
        {
            var clickedAt = openedAt.AddSeconds(5 + random.Next(300));
            Schedule(new Happening(clickedAt, HappeningKind.EmailClick, contactId, Item: link, SourceId: campaignId, Url: link.Url));
            Schedule(new Happening(clickedAt.AddSeconds(2), HappeningKind.Visit, contactId, Item: link, Url: link.Url, DurationSeconds: ReadingSeconds(link, 2)));
        }
    }

    public void Visit(MarketContentItem item, int label)
    {
        var at = WorkingTime();
        Schedule(new Happening(at, HappeningKind.Visit, contactId, Item: item, Url: item.Url, DurationSeconds: ReadingSeconds(item, label)));
        if (random.NextDouble() < 0.05 + (0.05 * label))
        {
            Schedule(new Happening(at.AddSeconds(10 + random.Next(600)), HappeningKind.Download, contactId, Item: item, Url: item.Url));
        }
    }

    public void FormSubmission(MarketContentItem gated) =>
        Schedule(new Happening(WorkingTime(), HappeningKind.FormSubmission, contactId, Item: gated, Url: gated.Url));

    public void Meeting() => Schedule(new Happening(WorkingTime(), HappeningKind.Meeting, contactId));

    /// <summary>How long a visit lasts: a share of the item's length that grows with how much it matters to the reader.</summary>
    public int ReadingSeconds(MarketContentItem item, int label) =>
        Math.Max(5, (int)(item.DurationMinutes * 60 * (0.05 + (0.2 * label) + (0.2 * random.NextDouble()))));

    // Most activity falls in the working day (07:00-19:00 UTC), some in the evening.
    private DateTimeOffset WorkingTime() =>
        dayStart.AddSeconds(random.NextDouble() < 0.85 ? (7 * 3600) + random.Next(12 * 3600) : random.Next(24 * 3600));

    private void Schedule(Happening happening)
    {
        if (happening.At >= planFrom)
        {
            behaviour.Schedule(happening);
        }
    }
}
