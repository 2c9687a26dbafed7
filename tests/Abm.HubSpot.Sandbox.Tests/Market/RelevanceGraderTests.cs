using Abm.HubSpot.Sandbox.Market;

namespace Abm.HubSpot.Sandbox.Tests.Market;

public sealed class RelevanceGraderTests
{
    private static readonly AccountProfile Account =
        new(1, "healthcare", 0.7, StageAtSeed: 2.2, DaysPerStage: 30, Momentum: 0.5, ["security_compliance", "cloud_migration"], MarketFixture.SeededAt);

    private static readonly ContactProfile Contact =
        new(2, 1, "technical_director", ["security_compliance", "data_integration", "ai_automation"], ["whitepaper", "datasheet"], 0.5);

    [Theory]
    [InlineData("security_compliance", "vendor_evaluation", "whitepaper", 3)]
    [InlineData("data_integration", "vendor_evaluation", "webinar", 2)]
    [InlineData("security_compliance", "problem_awareness", "datasheet", 2)]
    [InlineData("ai_automation", "problem_awareness", "whitepaper", 1)]
    [InlineData("security_compliance", "problem_awareness", "webinar", 1)]
    [InlineData("ai_automation", "problem_awareness", "webinar", 0)]
    [InlineData("supply_chain", "vendor_evaluation", "webinar", 0)]
    public void Grade_TopicStageAndFormat_GiveTheDocumentedLabel(string topic, string stage, string contentType, int expected)
    {
        var item = MarketFixture.Item(topic, stage, contentType, persona: "c_suite_executive");

        RelevanceGrader.Grade(Contact, Account, item, MarketFixture.SeededAt).ShouldBe(expected);
    }

    [Fact]
    public void Grade_WellAimedItemWithoutItsTopics_IsAtMostOne()
    {
        var item = MarketFixture.Item("supply_chain", "vendor_evaluation", "datasheet", persona: "technical_director");

        RelevanceGrader.Grade(Contact, Account, item, MarketFixture.SeededAt).ShouldBe(1);
    }

    [Fact]
    public void Grade_ItemForAnotherIndustry_LosesTwoGrades()
    {
        var ownIndustry = MarketFixture.Item("security_compliance", "vendor_evaluation", "webinar", "c_suite_executive", "healthcare", "retail");
        var otherIndustry = MarketFixture.Item("security_compliance", "vendor_evaluation", "webinar", "c_suite_executive", "retail");

        RelevanceGrader.Grade(Contact, Account, ownIndustry, MarketFixture.SeededAt).ShouldBe(3);
        RelevanceGrader.Grade(Contact, Account, otherIndustry, MarketFixture.SeededAt).ShouldBe(1);
    }

    [Fact]
    public void Grade_AccountMovesOn_StageContentLosesRelevance()
    {
        var item = MarketFixture.Item("security_compliance", "vendor_evaluation", "webinar", "c_suite_executive");

        RelevanceGrader.Grade(Contact, Account, item, MarketFixture.SeededAt).ShouldBe(3);
        RelevanceGrader.Grade(Contact, Account, item, MarketFixture.SeededAt.AddDays(30)).ShouldBe(1);
    }

    [Fact]
    public void Relevance_SeededMarket_EveryBuyerHasTopItemsAndMostItemsAreIrrelevant()
    {
        var market = MarketFixture.Market();

        foreach (var contactId in market.Buyers.Contacts.Keys)
        {
            var labels = market.Catalogue.Select(item => market.Relevance(contactId, item, MarketFixture.SeededAt)!.Value).ToList();
            labels.ShouldContain(3);
            labels.Count(l => l > 0).ShouldBeLessThan(labels.Count / 2);
        }
    }

    [Fact]
    public void Relevance_UnknownContact_IsNull()
    {
        var market = MarketFixture.Market(accounts: 1);

        market.Relevance(1, market.Catalogue[0], MarketFixture.SeededAt).ShouldBeNull();
    }
}
