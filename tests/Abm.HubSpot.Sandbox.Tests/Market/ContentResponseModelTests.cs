using Abm.HubSpot.Sandbox.Market;

namespace Abm.HubSpot.Sandbox.Tests.Market;

public sealed class ContentResponseModelTests
{
    private static readonly DateTimeOffset SentAt = MarketFixture.SeededAt.AddHours(2);

    [Fact]
    public void Probabilities_BestMatchedItem_HigherMeetingChanceThanRandomItem()
    {
        var market = MarketFixture.Market();
        var model = new ContentResponseModel(market);
        var random = new Random(1);

        var matched = market.Buyers.Contacts.Values.Average(c => model.Probabilities(c, BestItem(market, c), SentAt, 0).Meeting);
        var unmatched = market.Buyers.Contacts.Values.Average(c => model.Probabilities(c, market.Catalogue[random.Next(market.Catalogue.Count)], SentAt, 0).Meeting);

        matched.ShouldBeGreaterThan(unmatched * 3);
    }

    [Fact]
    public void Respond_ManySends_MatchedContentBooksMoreMeetingsThanRandomContent()
    {
        var market = MarketFixture.Market(accounts: 40);
        var model = new ContentResponseModel(market);
        var random = new Random(2);

        var matched = market.Buyers.Contacts.Values.Count(c => model.Respond(c, BestItem(market, c), SentAt, 0).BookedMeeting);
        var unmatched = market.Buyers.Contacts.Values.Count(c => model.Respond(c, market.Catalogue[random.Next(market.Catalogue.Count)], SentAt, 0).BookedMeeting);

        matched.ShouldBeGreaterThan(unmatched * 2);
    }

    [Fact]
    public void Respond_SameSeedAndSends_SameOutcomes()
    {
        var first = Outcomes(MarketFixture.Market(seed: 11));
        var second = Outcomes(MarketFixture.Market(seed: 11));
        var other = Outcomes(MarketFixture.Market(seed: 12));

        second.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void Probabilities_OverContacted_LowerEngagementAndMoreUnsubscribes()
    {
        var market = MarketFixture.Market(accounts: 3);
        var model = new ContentResponseModel(market);
        var contact = market.Buyers.Contacts.Values.First();
        var item = BestItem(market, contact);

        var calm = model.Probabilities(contact, item, SentAt, ContentResponseModel.SendsPerWeekTolerated);
        var flooded = model.Probabilities(contact, item, SentAt, ContentResponseModel.SendsPerWeekTolerated + 4);

        flooded.Open.ShouldBeLessThan(calm.Open / 3);
        flooded.Meeting.ShouldBeLessThan(calm.Meeting / 3);
        flooded.Unsubscribe.ShouldBeGreaterThan(calm.Unsubscribe * 10);
    }

    [Fact]
    public void Probabilities_AnySend_NestAsAFunnel()
    {
        var market = MarketFixture.Market(accounts: 5);
        var model = new ContentResponseModel(market);

        foreach (var contact in market.Buyers.Contacts.Values)
        {
            foreach (var item in market.Catalogue.Take(60))
            {
                var p = model.Probabilities(contact, item, SentAt, 1);
                p.Open.ShouldBeInRange(0.01, 1);
                p.Click.ShouldBeInRange(0, p.Open);
                p.Download.ShouldBeInRange(0, p.Click);
                p.Meeting.ShouldBeInRange(0, p.Open);
                p.Unsubscribe.ShouldBeInRange(0, 0.5);
            }
        }
    }

    private static MarketContentItem BestItem(SimulatedMarket market, ContactProfile contact) =>
        market.Catalogue.MaxBy(item => market.Relevance(contact.ContactId, item, SentAt))!;

    private static List<ResponseOutcome> Outcomes(SimulatedMarket market)
    {
        var model = new ContentResponseModel(market);
        return market.Buyers.Contacts.Values
            .SelectMany(c => market.Catalogue.Take(20).Select((item, i) => model.Respond(c, item, SentAt.AddHours(i), i % 5)))
            .ToList();
    }
}
