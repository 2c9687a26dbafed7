using Abm.Server.Dashboard;
using Abm.Server.Dashboard.Panels;

namespace Abm.Dashboard.Tests;

/// <summary>The segment rules editor: rules are checked with the API's own rules before saving, and each problem names its rule.</summary>
public sealed class SegmentRulesEditorTests : DashboardComponentContext
{
    private readonly List<IReadOnlyList<SegmentRuleDraft>> _saved = [];

    private IRenderedComponent<SegmentRulesEditor> RenderEditor(params SegmentRuleDraft[] rules) =>
        Render<SegmentRulesEditor>(p => p
            .Add(e => e.Rules, rules)
            .Add(e => e.OnSave, (IReadOnlyList<SegmentRuleDraft> saved) => _saved.Add([.. saved])));

    [Fact]
    public void Save_BadNameThenMissingValue_NamesEachProblemByRuleAndSendsNothingUntilFixed()
    {
        var cut = RenderEditor(new SegmentRuleDraft { Segment = "enterprise", Property = "company", Value = "Corp" });
        cut.Find("#add-rule").Click();
        cut.Find("#rule-2-segment").Input("Big Deals!");
        cut.Find("#rule-2-property").Input("industry");

        cut.Find("#save-rules").Click();
        cut.WaitForAssertion(() => Problems(cut).ShouldBe(["Rule 2: segment must be 1-50 lower-case letters, digits or underscores."]));

        cut.Find("#rule-2-segment").Input("big_deals");
        cut.Find("#save-rules").Click();
        cut.WaitForAssertion(() => Problems(cut).ShouldBe(["Rule 2: operator contains needs a value."]));
        _saved.ShouldBeEmpty();

        cut.Find("#rule-2-value").Input("bank");
        cut.Find("#save-rules").Click();
        cut.WaitForAssertion(() => _saved.ShouldHaveSingleItem().Count.ShouldBe(2));
        Problems(cut).ShouldBeEmpty();
    }

    private static List<string> Problems(IRenderedComponent<SegmentRulesEditor> cut) => [.. cut.FindAll("[role=alert]").Select(a => a.TextContent.Trim())];

    [Fact]
    public void Save_BuiltInSegmentName_IsRefusedInWords()
    {
        var cut = RenderEditor(new SegmentRuleDraft { Segment = "engaged", Property = "company", Value = "Corp" });

        cut.Find("#save-rules").Click();

        cut.WaitForAssertion(() => Problems(cut).ShouldBe(["Rule 1: 'engaged' is a built-in segment; give the rule another name."]));
        _saved.ShouldBeEmpty();
    }

    [Fact]
    public void Save_AfterFixingAndRemoving_SendsTheRemainingRulesTrimmed()
    {
        var cut = RenderEditor(
            new SegmentRuleDraft { Segment = "enterprise", Property = "company", Value = "Corp" },
            new SegmentRuleDraft { Segment = "Bad Name", Property = "city" });
        cut.Find("#save-rules").Click();
        cut.WaitForAssertion(() => Problems(cut).ShouldNotBeEmpty());

        cut.Find("[aria-label='Remove rule 2']").Click();
        cut.Find("#rule-1-value").Input("  Corp Ltd ");
        cut.Find("#save-rules").Click();

        cut.WaitForAssertion(() => _saved.Count.ShouldBe(1));
        Problems(cut).ShouldBeEmpty("removing a rule clears the problems of the last check");
        var saved = _saved.ShouldHaveSingleItem().ShouldHaveSingleItem().ToInput();
        (saved.Segment, saved.Property, saved.Operator, saved.Value).ShouldBe(("enterprise", "company", "contains", "Corp Ltd"));
    }

    [Fact]
    public void Problems_IsKnownTest_NeedsNoValue()
    {
        SegmentRuleDraft.Problems([new SegmentRuleDraft { Segment = "has_phone", Property = "phone", Operator = "is_known" }]).ShouldBeEmpty();
    }
}
