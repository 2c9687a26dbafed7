using Abm.Server.Dashboard;
using Abm.Server.Features.HubSpotRecords;

namespace Abm.Dashboard.Tests;

/// <summary>What a HubSpot record form sends: what was typed on create, only the changes on edit, dates compared as days.</summary>
public sealed class RecordChangesTests
{
    private static readonly RecordField[] Fields =
    [
        new("dealname", "Deal name"), new("amount", "Amount", RecordFieldInput.Number), new("closedate", "Close date", RecordFieldInput.Date),
    ];

    private static HubSpotRecordResponse Deal(Dictionary<string, string?> properties) =>
        new("42", null, properties, null, null, false, new Dictionary<string, IReadOnlyList<string>>(), null);

    [Fact]
    public void Of_Create_SendsWhatWasTypedTrimmedAndLeavesBlanksOut()
    {
        var typed = new Dictionary<string, string?> { ["dealname"] = "  Renewal  ", ["amount"] = " ", ["closedate"] = null };

        RecordChanges.Of(Fields, typed, original: null).ShouldBe(new Dictionary<string, string?> { ["dealname"] = "Renewal" });
    }

    [Fact]
    public void Of_Edit_SendsOnlyTheChangedPropertiesAndAClearedOneAsNull()
    {
        var original = Deal(new() { ["dealname"] = "Renewal", ["amount"] = "1000", ["closedate"] = "2027-03-31T00:00:00Z" });
        var typed = new Dictionary<string, string?> { ["dealname"] = "Renewal", ["amount"] = "", ["closedate"] = "2027-04-30" };

        RecordChanges.Of(Fields, typed, original).ShouldBe(new Dictionary<string, string?> { ["amount"] = null, ["closedate"] = "2027-04-30" });
    }

    [Fact]
    public void Of_EditWithTheDateShownAsItsDay_IsNoChange()
    {
        var original = Deal(new() { ["dealname"] = "Renewal", ["closedate"] = "2027-03-31T00:00:00Z" });
        var typed = Fields.ToDictionary(f => f.Name, f => f.Shown(original.Properties.GetValueOrDefault(f.Name)));

        RecordChanges.Of(Fields, typed, original).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2027-03-31T00:00:00Z", "2027-03-31")]
    [InlineData("1806278400000", "2027-03-29")]
    [InlineData("not a date", "not a date")]
    [InlineData(null, null)]
    public void Shown_DateField_ShowsHubSpotsMomentAsItsUtcDay(string? stored, string? shown) =>
        new RecordField("closedate", "Close date", RecordFieldInput.Date).Shown(stored).ShouldBe(shown);
}
