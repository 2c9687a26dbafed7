using Abm.Engines.Engagement;

namespace Abm.Engines.Tests.Engagement;

public sealed class EngagementBandsTests
{
    [Theory]
    [InlineData(0, EngagementBand.Cold)]
    [InlineData(19.99, EngagementBand.Cold)]
    [InlineData(20, EngagementBand.Warming)]
    [InlineData(39.99, EngagementBand.Warming)]
    [InlineData(40, EngagementBand.Engaged)]
    [InlineData(69.5, EngagementBand.Engaged)]
    [InlineData(70, EngagementBand.Hot)]
    [InlineData(100, EngagementBand.Hot)]
    public void Of_Score_FallsInItsBand(double score, EngagementBand expected) => EngagementBands.Of(score).ShouldBe(expected);

    [Fact]
    public void EngagedBand_StartsAtTheDefaultEngagedThreshold()
    {
        EngagementBands.EngagedFrom.ShouldBe((int)EngagementSettings.Default.EngagedThreshold);
    }

    [Fact]
    public void Of_HigherScore_NeverFallsInALowerBand()
    {
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var (a, b) = (random.NextDouble() * 100, random.NextDouble() * 100);
            if (a <= b)
            {
                ((int)EngagementBands.Of(a)).ShouldBeLessThanOrEqualTo((int)EngagementBands.Of(b));
            }
        }
    }
}
