using Abm.Data.Entities;
using Abm.HubSpot.Crm;
using Abm.Server.Features.Sync;

namespace Abm.Server.Tests.Sync;

/// <summary>
/// The bulk upsert updates only the columns the mapping names; these tests keep that list and the mapping
/// in step, so a property added to the mapping is never silently left stale on existing rows.
/// </summary>
public sealed class HubSpotRecordMappingTests
{
    private static readonly DateTime Then = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ContactColumns_AreExactlyWhatTheMappingWritesPlusSegments()
    {
        List<string> segments = [];
        var before = new Contact { HubSpotId = "1", ArchivedAt = Then, Segments = segments };
        var after = new Contact { HubSpotId = "1", ArchivedAt = Then, Segments = segments };
        HubSpotRecordMapping.ApplyTo(after, Record(), Guid.NewGuid(), Then.AddDays(1));

        ChangedProperties(before, after).Append(nameof(Contact.Segments)).Order().ShouldBe(HubSpotRecordMapping.ContactColumns.Order());
    }

    [Fact]
    public void CompanyColumns_AreExactlyWhatTheMappingWrites()
    {
        var before = new Company { HubSpotId = "1", ArchivedAt = Then };
        var after = new Company { HubSpotId = "1", ArchivedAt = Then };
        HubSpotRecordMapping.ApplyTo(after, Record(), Then.AddDays(1));

        ChangedProperties(before, after).Order().ShouldBe(HubSpotRecordMapping.CompanyColumns.Order());
    }

    /// <summary>A record with every property the mappings read set to a value no default has.</summary>
    private static CrmRecord Record()
    {
        var properties = new Dictionary<string, string?>
        {
            ["email"] = "ada@example.com", ["firstname"] = "Ada", ["lastname"] = "Lovelace", ["jobtitle"] = "CTO", ["hubspot_owner_id"] = "7",
            ["lifecyclestage"] = "lead", ["hs_buying_role"] = "DECISION_MAKER", ["name"] = "Acme", ["domain"] = "acme.example", ["industry"] = "COMPUTER_SOFTWARE",
            ["numberofemployees"] = "120", ["annualrevenue"] = "5000000", ["abm_account_tier"] = "tier_1", ["hs_analytics_source"] = "ORGANIC_SEARCH",
        };
        return new CrmRecord("1", properties, Then, Then.AddHours(1), false, new Dictionary<string, IReadOnlyList<AssociatedObject>>());
    }

    private static IEnumerable<string> ChangedProperties<T>(T before, T after) =>
        typeof(T).GetProperties().Where(p => !Equals(p.GetValue(before), p.GetValue(after))).Select(p => p.Name);
}
