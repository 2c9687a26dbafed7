using Abm.HubSpot.Sandbox.Market;

namespace Abm.HubSpot.Sandbox.Tests.Market;

public sealed class BuyingStageTests
{
    private static AccountProfile Account(double stageAtSeed) =>
        new(1, "technology", 0.7, stageAtSeed, DaysPerStage: 20, Momentum: 0.5, ["data_integration", "ai_automation"], MarketFixture.SeededAt);

    [Fact]
    public void StageAt_SimulatedDaysPass_AccountAdvancesOneStagePerPeriod()
    {
        var account = Account(stageAtSeed: 0.5);

        account.StageAt(MarketFixture.SeededAt).ShouldBe("problem_awareness");
        account.StageAt(MarketFixture.SeededAt.AddDays(10)).ShouldBe("solution_exploration");
        account.StageAt(MarketFixture.SeededAt.AddDays(30)).ShouldBe("vendor_evaluation");
    }

    [Fact]
    public void StageAt_LongAfterSeeding_StopsAtDecisionUntilBought()
    {
        Account(stageAtSeed: 1).StageAt(MarketFixture.SeededAt.AddDays(1000)).ShouldBe("decision_finalization");
        Account(stageAtSeed: 4).StageAt(MarketFixture.SeededAt.AddDays(1000)).ShouldBe("post_purchase_expansion");
    }

    [Fact]
    public void PropensityAt_AccountNearsDecision_Rises()
    {
        var account = Account(stageAtSeed: 0.5);
        var contact = new ContactProfile(2, 1, "c_suite_executive", ["data_integration", "cost_optimization", "supply_chain"], ["case_study", "webinar"], BasePropensity: 0.6);

        var early = contact.PropensityAt(account, MarketFixture.SeededAt);
        var late = contact.PropensityAt(account, MarketFixture.SeededAt.AddDays(60));

        late.ShouldBeGreaterThan(early * 2);
    }
}
