using System.Globalization;
using Abm.HubSpot.Sandbox.Market.Behaviour;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>Reads the market's hidden truth at a simulated moment into the export's shape.</summary>
internal static class TruthExport
{
    public static MarketTruth At(SimulatedMarket market, BehaviourState behaviour, DateTimeOffset at, long? contactId = null)
    {
        var buyers = market.Buyers;
        var contacts = buyers.Contacts.Values.Where(c => contactId is null || c.ContactId == contactId).Select(c => Contact(market, behaviour, c, at)).ToList();
        var accountIds = contacts.Select(c => c.CompanyId).ToHashSet(StringComparer.Ordinal);
        var accounts = buyers.Accounts.Values
            .Where(a => contactId is null || accountIds.Contains(Id(a.CompanyId)))
            .Select(a => new AccountTruth(
                Id(a.CompanyId), a.Industry, a.Fit, a.StageAt(at), Math.Round(a.StagePositionAt(at), 3), a.DaysPerStage, a.Momentum, a.CommitteeTopics,
                Outcome(behaviour, a.CompanyId, out var decidedAt), decidedAt))
            .ToList();
        return new MarketTruth(at, market.Seed, market.Catalogue.Count, accounts, contacts);
    }

    private static string Outcome(BehaviourState behaviour, long companyId, out DateTimeOffset? decidedAt)
    {
        var outcomes = behaviour.Outcomes.GetValueOrDefault(companyId) ?? [];
        var decisive = outcomes.FirstOrDefault(o => o.Won) ?? outcomes.LastOrDefault();
        decidedAt = decisive?.At;
        return decisive is null ? "open" : decisive.Won ? "won" : "lost";
    }

    private static ContactTruth Contact(SimulatedMarket market, BehaviourState behaviour, ContactProfile contact, DateTimeOffset at)
    {
        var account = market.Buyers.AccountOf(contact);
        var relevance = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var label = RelevanceGrader.MaxLabel; label > 0; label--)
        {
            relevance[label.ToString(CultureInfo.InvariantCulture)] = [];
        }

        foreach (var item in market.Catalogue)
        {
            var label = RelevanceGrader.Grade(contact, account, item, at);
            if (label > 0)
            {
                relevance[label.ToString(CultureInfo.InvariantCulture)].Add(item.ExternalId);
            }
        }

        var propensity = contact.PropensityAt(account, at);
        return new ContactTruth(
            Id(contact.ContactId), Id(contact.CompanyId), contact.Persona, contact.Topics, contact.PreferredFormats,
            account.StageAt(at), Math.Round(propensity, 3), Math.Round(OrganicDay.ConversionChance(propensity, account.Fit), 6),
            behaviour.Unsubscribed.Contains(contact.ContactId), relevance);
    }

    // Ids as strings, as HubSpot writes them, so the truth joins directly with what the engine read from the CRM.
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
