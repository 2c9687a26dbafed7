using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>Draws the hidden traits of accounts and their buyers from the seed and each record's id.</summary>
internal static class BuyerProfiler
{
    public static AccountProfile ProfileAccount(int seed, CrmRecord company, DateTimeOffset seededAt)
    {
        var random = MarketSeed.For(seed, MarketSeed.Account, company.Id);
        var fit = IdealClientFit.Compute(company, random);
        // Accounts are caught at every point of their journey, the post-purchase ones included.
        var stage = random.NextDouble() < 0.1 ? 4.0 : random.NextDouble() * 3.5;
        // Well-fitting accounts move faster: 14 to 60 days per stage.
        var daysPerStage = Math.Round(14 + (46 * (1 - fit) * (0.5 + random.NextDouble())), 1);
        var committeeTopics = MarketTopic.All.Select(t => t.Slug).OrderBy(_ => random.Next()).Take(2).ToArray();
        return new AccountProfile(company.Id, IdealClientFit.IndustryOf(company), fit, Math.Round(stage, 3), Math.Min(daysPerStage, 60), Math.Round(random.NextDouble(), 3), committeeTopics, seededAt);
    }

    public static ContactProfile ProfileContact(int seed, CrmRecord contact, AccountProfile account)
    {
        var random = MarketSeed.For(seed, MarketSeed.Contact, contact.Id);
        var persona = BuyerPersonas.FromJobTitle(contact.Get("jobtitle"));
        // Stakeholders influence each other: most share one of the committee's topics as their main concern.
        var leaning = BuyerPersonas.LeaningTopics[persona];
        var primary = random.NextDouble() < 0.6 ? account.CommitteeTopics[random.Next(account.CommitteeTopics.Count)] : leaning[random.Next(leaning.Length)];
        var others = MarketTopic.All.Select(t => t.Slug).Where(t => t != primary).OrderBy(_ => random.Next()).Take(2);
        var favourites = BuyerPersonas.FavouriteFormats[persona];
        var formats = favourites.OrderBy(_ => random.Next()).Take(2).ToList();
        if (random.NextDouble() < 0.2)
        {
            formats.Add(MarketVocabulary.ContentTypes.Except(formats).OrderBy(_ => random.Next()).First());
        }

        // A keen committee lifts its members' own interest in buying.
        var propensity = (0.6 * random.NextDouble()) + (0.4 * account.Momentum);
        return new ContactProfile(contact.Id, account.CompanyId, persona, [primary, .. others], formats, Math.Round(propensity, 3));
    }
}
