using Abm.Engines.Engagement;

namespace Abm.Engines.Tests.Engagement;

public class ContactEventBatchTests
{
    [Fact]
    public void FromColumns_UnsortedRows_GroupsByContactKeepingRowOrder()
    {
        var batch = ContactEventBatch.FromColumns(
            3,
            [2, 0, 2, 0],
            [10, 20, 30, 40],
            [EngagementEventType.EmailOpen, EngagementEventType.EmailClick, EngagementEventType.DemoRequest, EngagementEventType.WebsiteVisit]);

        batch.ContactCount.ShouldBe(3);
        batch.EventCount.ShouldBe(4);
        batch.TicksOf(0).ToArray().ShouldBe([20L, 40L]);
        batch.TicksOf(1).Length.ShouldBe(0);
        batch.TicksOf(2).ToArray().ShouldBe([10L, 30L]);
        batch.TypesOf(2).ToArray().ShouldBe([EngagementEventType.EmailOpen, EngagementEventType.DemoRequest]);
    }

    [Fact]
    public void FromColumns_ContactIndexOutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() =>
            ContactEventBatch.FromColumns(1, [1], [0], [EngagementEventType.EmailOpen]));
    }

    [Fact]
    public void FromColumns_ColumnsOfDifferentLength_Throws()
    {
        Should.Throw<ArgumentException>(() =>
            ContactEventBatch.FromColumns(1, [0, 0], [0], [EngagementEventType.EmailOpen]));
    }
}
