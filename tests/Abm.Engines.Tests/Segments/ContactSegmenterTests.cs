using Abm.Engines.Segments;

namespace Abm.Engines.Tests.Segments;

public class ContactSegmenterTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static SegmentInput Contact(double? daysSinceChange, params (string Name, string? Value)[] properties) => new(
        daysSinceChange is { } days ? Now.AddDays(-days) : null,
        properties.ToDictionary(p => p.Name, p => p.Value));

    [Theory]
    [InlineData(0, "engaged")]
    [InlineData(30, "engaged")]
    [InlineData(30.01, "")]
    [InlineData(89.9, "")]
    [InlineData(90, "cold")]
    [InlineData(400, "cold")]
    public void Tag_ByTimeSinceLastChange(double days, string expected)
    {
        var segments = ContactSegmenter.Tag(Contact(days), [], Now);

        Assert.Equal(expected.Length == 0 ? [] : [expected], segments);
    }

    [Theory]
    [InlineData("customer", true)]
    [InlineData("Evangelist", true)]
    [InlineData(" opportunity ", true)]
    [InlineData("lead", false)]
    [InlineData("salesqualifiedlead", false)]
    [InlineData(null, false)]
    public void Tag_HighValueByLifecycleStage(string? stage, bool highValue)
    {
        var segments = ContactSegmenter.Tag(Contact(null, ("lifecyclestage", stage)), [], Now);

        Assert.Equal(highValue, segments.Contains(ContactSegmenter.HighValue));
    }

    [Fact]
    public void Tag_UserRuleCompanyNameContains_TagsOnlyMatchingContacts()
    {
        SegmentRule[] rules = [new("chainge", "company", SegmentOperator.Contains, "chainge")];

        Assert.Equal(["chainge", "engaged"], ContactSegmenter.Tag(Contact(2, ("company", "CHAINge Labs")), rules, Now));
        Assert.Empty(ContactSegmenter.Tag(Contact(45, ("company", "Acme")), rules, Now));
        Assert.Empty(ContactSegmenter.Tag(Contact(45), rules, Now));
    }

    [Theory]
    [InlineData(SegmentOperator.Equals, "united states", "United States", true)]
    [InlineData(SegmentOperator.Equals, "united", "United States", false)]
    [InlineData(SegmentOperator.StartsWith, "vp", "VP of Sales", true)]
    [InlineData(SegmentOperator.EndsWith, "sales", "VP of Sales", true)]
    [InlineData(SegmentOperator.EndsWith, "vp", "VP of Sales", false)]
    [InlineData(SegmentOperator.IsKnown, null, "anything", true)]
    [InlineData(SegmentOperator.IsKnown, null, "  ", false)]
    [InlineData(SegmentOperator.Contains, "", "x", true)]
    public void SegmentRule_Matches_PerOperator(SegmentOperator op, string? value, string actual, bool expected)
    {
        var rule = new SegmentRule("s", "p", op, value);

        Assert.Equal(expected, rule.Matches(new Dictionary<string, string?> { ["p"] = actual }));
    }

    [Fact]
    public void Tag_RandomContacts_SortedUniqueAndNeverBothEngagedAndCold()
    {
        var random = new Random(7);
        SegmentRule[] rules =
        [
            new("a", "company", SegmentOperator.Contains, "a"),
            new("a", "jobtitle", SegmentOperator.Contains, "a"),
            new("vp", "jobtitle", SegmentOperator.StartsWith, "vp"),
        ];
        string[] words = ["alpha", "vp ops", "beta", "customer", "lead", ""];
        for (var i = 0; i < 2_000; i++)
        {
            var contact = Contact(
                random.Next(3) == 0 ? null : random.NextDouble() * 200,
                ("company", words[random.Next(words.Length)]),
                ("jobtitle", words[random.Next(words.Length)]),
                ("lifecyclestage", words[random.Next(words.Length)]));

            var segments = ContactSegmenter.Tag(contact, rules, Now);

            Assert.Equal(segments.Distinct().Order(StringComparer.Ordinal), segments);
            Assert.False(segments.Contains(ContactSegmenter.Engaged) && segments.Contains(ContactSegmenter.Cold));
            Assert.Equal(segments, ContactSegmenter.Tag(contact, rules, Now));
        }
    }
}
