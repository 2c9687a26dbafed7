using System.Text.Json;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Market;

namespace Abm.HubSpot.Sandbox.Tests.Market;

public sealed class BuyerModelTests
{
    [Fact]
    public void Build_SameSeed_SameHiddenProfiles()
    {
        var first = MarketFixture.Market(seed: 5).Buyers;
        var second = MarketFixture.Market(seed: 5).Buyers;
        var other = MarketFixture.Market(seed: 6).Buyers;

        JsonSerializer.Serialize(second.Contacts.Values).ShouldBe(JsonSerializer.Serialize(first.Contacts.Values));
        JsonSerializer.Serialize(second.Accounts.Values).ShouldBe(JsonSerializer.Serialize(first.Accounts.Values));
        JsonSerializer.Serialize(other.Contacts.Values).ShouldNotBe(JsonSerializer.Serialize(first.Contacts.Values));
    }

    [Fact]
    public void Build_SeededPortal_ProfilesEveryAccountAndContactWithinRange()
    {
        var state = MarketFixture.Seed();

        var buyers = BuyerModel.Build(state);

        buyers.Accounts.Count.ShouldBe(20);
        buyers.Contacts.Count.ShouldBe(state.Stores[CrmObjectTypes.Contacts].Ordered.Count);
        buyers.Accounts.Values.ShouldAllBe(a => a.Fit >= 0 && a.Fit <= 1 && a.DaysPerStage >= 14 && a.DaysPerStage <= 60 && MarketVocabulary.Industries.Contains(a.Industry));
        buyers.Contacts.Values.ShouldAllBe(c => MarketVocabulary.Personas.Contains(c.Persona) && c.Topics.Count == 3 && c.Topics.Distinct().Count() == 3);
        buyers.Contacts.Values.ShouldAllBe(c => c.PreferredFormats.Count >= 2 && c.PreferredFormats.All(f => MarketVocabulary.ContentTypes.Contains(f)));
        buyers.Contacts.Values.ShouldAllBe(c => c.BasePropensity >= 0 && c.BasePropensity <= 1);
        buyers.Contacts.Values.Select(c => c.Persona).Distinct().Count().ShouldBe(MarketVocabulary.Personas.Length);
    }

    [Fact]
    public void Market_ContactCreatedAfterSeeding_HasNoProfile()
    {
        var state = MarketFixture.Seed(accounts: 2);
        var company = state.Stores[CrmObjectTypes.Companies].Ordered[0];
        var newcomer = CrmRecordFactory.Insert(state, CrmObjectTypes.Contacts, MarketFixture.SeededAt, new Dictionary<string, string?>
        {
            ["email"] = "newcomer@example.com",
            ["jobtitle"] = "Chief Executive Officer",
            ["associatedcompanyid"] = company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var buyers = state.Market.Buyers;

        buyers.Contacts.ContainsKey(newcomer.Id).ShouldBeFalse();
        buyers.Contacts.Count.ShouldBe(state.Stores[CrmObjectTypes.Contacts].Ordered.Count - 1);
    }

    [Fact]
    public void Build_ManyAccounts_FitFollowsFirmographics()
    {
        var accounts = MarketFixture.Market(accounts: 200).Buyers.Accounts.Values;

        accounts.Where(a => a.Industry == "technology").Average(a => a.Fit)
            .ShouldBeGreaterThan(accounts.Where(a => a.Industry == "retail").Average(a => a.Fit) + 0.1);
    }

    [Fact]
    public void Build_BuyingCommittee_StakeholdersShareTheCommitteeTopics()
    {
        var buyers = MarketFixture.Market(accounts: 50).Buyers;

        var sharing = buyers.Contacts.Values.Count(c => buyers.AccountOf(c).CommitteeTopics.Contains(c.Topics[0]));

        ((double)sharing / buyers.Contacts.Count).ShouldBeGreaterThan(0.55);
    }
}
