using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// Plans one simulated day of what buyers do on their own: read the day's marketing email, visit content,
/// download some of it, now and then fill in a form or book a meeting. How much a buyer does grows with its
/// propensity now (its own keenness times its account's stage); what it looks at follows its hidden interests.
/// Every buyer's day is drawn from the seed, the buyer and the date alone.
/// </summary>
internal static class OrganicDay
{
    /// <summary>Marketing campaigns are numbered per simulated day from here (the seeded history uses 300,001..).</summary>
    public const long FirstCampaignId = 400_001;

    // Base and propensity-driven parts of the daily number of content visits (a Poisson mean).
    private const double VisitsBase = 2.6;
    private const double VisitsPerPropensity = 6.0;
    private const double MarketingEmailChance = 0.45;

    public static void Plan(PortalState state, BehaviourState behaviour, DateTimeOffset dayStart)
    {
        var market = state.Market;
        var contacts = state.Stores[CrmObjectTypes.Contacts];
        var dayIndex = (long)(dayStart - new DateTimeOffset(state.SeededAt.UtcDateTime.Date, TimeSpan.Zero)).TotalDays;
        var campaignId = FirstCampaignId + dayIndex;
        foreach (var buyer in behaviour.Buyers)
        {
            // Deleted buyers are gone; buyers whose email the engine changed keep acting under the new one.
            if (contacts.FindActive(buyer.ContactId) is null)
            {
                continue;
            }

            var account = market.Buyers.AccountOf(buyer);
            var random = MarketSeed.For(state.Seed, MarketSeed.Behaviour, buyer.ContactId ^ (dayIndex << 40));
            var midday = dayStart.AddHours(12);
            var propensity = buyer.PropensityAt(account, midday);
            var byLabel = behaviour.Relevance!.ByLabel(buyer, account, account.StageAt(midday));
            var day = new BuyerDay(behaviour, buyer.ContactId, dayStart, behaviour.PlanFrom, random);

            if (!behaviour.Unsubscribed.Contains(buyer.ContactId) && random.NextDouble() < MarketingEmailChance)
            {
                day.MarketingEmail(campaignId, propensity, behaviour.Relevance.Pick(byLabel, random));
            }

            var visits = Poisson(VisitsBase + (VisitsPerPropensity * propensity), random);
            for (var i = 0; i < visits; i++)
            {
                var item = behaviour.Relevance.Pick(byLabel, random);
                day.Visit(item, Label(byLabel, item));
            }

            if (random.NextDouble() < FormChance(propensity))
            {
                day.FormSubmission(behaviour.Relevance.Pick(byLabel, random));
            }

            // Buyers also reach out by themselves, more often when keen and a good fit.
            if (random.NextDouble() < MeetingChance(propensity, account.Fit))
            {
                day.Meeting();
            }
        }
    }

    /// <summary>A buyer's chance to fill in a form on a given day.</summary>
    public static double FormChance(double propensity) => 0.01 + (0.04 * propensity);

    /// <summary>A buyer's chance to book a meeting on its own initiative on a given day.</summary>
    public static double MeetingChance(double propensity, double fit) => 0.0008 * (0.4 + (1.2 * propensity)) * (0.5 + fit);

    /// <summary>
    /// The chance that a buyer hands in a form or books a meeting on its own on a given day: the best possible
    /// ranking of who converts next, which the truth export offers as the oracle to compare scores with.
    /// </summary>
    public static double ConversionChance(double propensity, double fit) =>
        1 - ((1 - FormChance(propensity)) * (1 - MeetingChance(propensity, fit)));

    public static int Label(MarketContentItem[][] byLabel, MarketContentItem item)
    {
        for (var label = byLabel.Length - 1; label > 0; label--)
        {
            if (Array.IndexOf(byLabel[label], item) >= 0)
            {
                return label;
            }
        }

        return 0;
    }

    // Knuth's method; the means here are small.
    private static int Poisson(double mean, Random random)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }
}
