using Abm.Engines.Engagement;

namespace Abm.Engines.Tests.Engagement;

public class AccountEngagementRollupTests
{
    private static AccountEngagement RollUp(params AccountMemberEngagement[] members) =>
        AccountEngagementRollup.RollUp(members, EngagementSettings.Default);

    [Fact]
    public void RollUp_WorkedExampleFromDocs_MatchesHandComputedFigures()
    {
        var account = RollUp(
            new AccountMemberEngagement(80, BuyingRoles.Champion | BuyingRoles.Influencer, 120, 60),
            new AccountMemberEngagement(55, BuyingRoles.DecisionMaker, 30, 40),
            new AccountMemberEngagement(30, BuyingRoles.BudgetHolder, 10, 0),
            new AccountMemberEngagement(10, BuyingRoles.None, 0, 0));

        // Mean = (80 + 55 + 30 + 10) / 4 = 43.75; roles held: champion, influencer, decision maker, budget holder;
        // engaged (>= 40) among them: the first three = 3 of 4 = 75 %.
        account.StakeholderCoverage.ShouldBe(75);
        account.Score.ShouldBe((0.7 * 43.75) + (0.3 * 75), 1e-9); // 53.125
        account.CurrentPeriodPoints.ShouldBe(160);
        account.PreviousPeriodPoints.ShouldBe(100);
        account.Velocity.ShouldBe(37.5, 1e-9); // (160 - 100) / 160
        account.ContactCount.ShouldBe(4);
        account.EngagedContactCount.ShouldBe(2);
        account.ContactsWithoutRole.ShouldBe(1);
        account.CoveredRoles.ShouldBe(BuyingRoles.Champion | BuyingRoles.Influencer | BuyingRoles.DecisionMaker);
        account.ContactsByRole[BuyingRoles.BudgetHolder].ShouldBe(1);
        account.EngagedContactsByRole[BuyingRoles.BudgetHolder].ShouldBe(0);
        account.ContactsByRole[BuyingRoles.Champion].ShouldBe(1);
        account.ContactsByRole[BuyingRoles.Blocker].ShouldBe(0);
        account.ContactsByRole.Count.ShouldBe(9);
    }

    [Fact]
    public void RollUp_NoContacts_AllZero()
    {
        var account = RollUp();

        account.Score.ShouldBe(0);
        account.Velocity.ShouldBe(0);
        account.StakeholderCoverage.ShouldBe(0);
        account.ContactCount.ShouldBe(0);
    }

    [Fact]
    public void RollUp_EngagedContactWithOnlyOtherRole_DoesNotRaiseCoverage()
    {
        RollUp(new AccountMemberEngagement(90, BuyingRoles.Other, 0, 0)).StakeholderCoverage.ShouldBe(0);
    }

    [Fact]
    public void RollUp_ScoreExactlyAtThreshold_CountsAsEngaged()
    {
        RollUp(new AccountMemberEngagement(40, BuyingRoles.Blocker, 0, 0)).EngagedContactCount.ShouldBe(1);
    }

    [Fact]
    public void RollUp_CustomCoverageRoles_CountsOnlyTheirRolesHeldInTheAccount()
    {
        var settings = EngagementSettings.Default with { CoverageRoles = BuyingRoles.Champion | BuyingRoles.DecisionMaker };

        var account = AccountEngagementRollup.RollUp(
            [
                new AccountMemberEngagement(60, BuyingRoles.Champion, 0, 0),
                new AccountMemberEngagement(10, BuyingRoles.DecisionMaker, 0, 0),
                new AccountMemberEngagement(90, BuyingRoles.Influencer, 0, 0),
            ],
            settings);

        // Held coverage roles: champion and decision maker; engaged among them: the champion. The influencer is not a coverage role here.
        account.StakeholderCoverage.ShouldBe(50);
    }

    [Fact]
    public void RollUp_OneContactWithoutRole_ScoresSeventyPercentOfIt()
    {
        RollUp(new AccountMemberEngagement(20, BuyingRoles.None, 0, 0)).Score.ShouldBe(14, 1e-9); // 0.7 x 20, no coverage
    }

    [Fact]
    public void RollUp_SmallEngagedAccountAgainstLargeMostlyDormantOne_SmallScoresHigher()
    {
        var small = RollUp(
            new AccountMemberEngagement(60, BuyingRoles.Champion, 0, 0),
            new AccountMemberEngagement(60, BuyingRoles.DecisionMaker, 0, 0),
            new AccountMemberEngagement(60, BuyingRoles.Influencer, 0, 0));
        var large = RollUp(
        [
            new AccountMemberEngagement(80, BuyingRoles.Champion, 0, 0),
            new AccountMemberEngagement(80, BuyingRoles.DecisionMaker, 0, 0),
            new AccountMemberEngagement(80, BuyingRoles.Influencer, 0, 0),
            .. Enumerable.Repeat(new AccountMemberEngagement(5, BuyingRoles.EndUser, 0, 0), 27),
        ]);

        small.Score.ShouldBe((0.7 * 60) + (0.3 * 100), 1e-9); // 72
        large.Score.ShouldBe((0.7 * 375 / 30) + (0.3 * 75), 1e-9); // 8.75 + 22.5 (end users held but dormant)
        small.Score.ShouldBeGreaterThan(large.Score);
    }

    [Fact]
    public void RollUp_AccountRepeatedTwice_ScoresTheSame()
    {
        var random = new Random(2002);
        for (var run = 0; run < 500; run++)
        {
            var members = Enumerable.Range(0, random.Next(1, 15))
                .Select(_ => new AccountMemberEngagement(random.NextDouble() * 100, (BuyingRoles)random.Next(0, 512), 0, 0))
                .ToArray();

            RollUp([.. members, .. members]).Score.ShouldBe(RollUp(members).Score, 1e-9);
        }
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(50, 0, 100)]
    [InlineData(0, 50, -100)]
    [InlineData(100, 100, 0)]
    [InlineData(50, 100, -50)]
    public void Velocity_PeriodPoints_RelativeToLargerPeriod(double current, double previous, double expected)
    {
        AccountEngagementRollup.Velocity(current, previous).ShouldBe(expected);
    }

    [Fact]
    public void RollUp_RandomAccounts_ScoreAndCoverageWithinZeroToHundred()
    {
        var random = new Random(2001);
        for (var run = 0; run < 1000; run++)
        {
            var members = Enumerable.Range(0, random.Next(0, 30))
                .Select(_ => new AccountMemberEngagement(random.NextDouble() * 100, (BuyingRoles)random.Next(0, 512), random.Next(0, 500), random.Next(0, 500)))
                .ToArray();

            var account = RollUp(members);

            account.Score.ShouldBeInRange(0, 100);
            account.StakeholderCoverage.ShouldBeInRange(0, 100);
            account.Velocity.ShouldBeInRange(-100, 100);
        }
    }
}
