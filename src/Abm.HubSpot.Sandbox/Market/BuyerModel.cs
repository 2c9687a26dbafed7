using System.Globalization;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>The hidden profiles of every seeded account and contact of a portal, by record id.</summary>
internal sealed class BuyerModel
{
    private BuyerModel(IReadOnlyDictionary<long, AccountProfile> accounts, IReadOnlyDictionary<long, ContactProfile> contacts)
    {
        Accounts = accounts;
        Contacts = contacts;
    }

    public IReadOnlyDictionary<long, AccountProfile> Accounts { get; }

    public IReadOnlyDictionary<long, ContactProfile> Contacts { get; }

    /// <summary>
    /// Profiles the records present, which is the seeded ones when called as seeding ends: contacts the engine
    /// creates later are newcomers the market knows nothing about.
    /// </summary>
    public static BuyerModel Build(PortalState state)
    {
        var accounts = state.Stores[CrmObjectTypes.Companies].Ordered
            .Select(company => BuyerProfiler.ProfileAccount(state.Seed, company, state.SeededAt))
            .ToDictionary(a => a.CompanyId);
        var contacts = new Dictionary<long, ContactProfile>();
        foreach (var contact in state.Stores[CrmObjectTypes.Contacts].Ordered)
        {
            if (long.TryParse(contact.Get("associatedcompanyid"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var companyId) && accounts.TryGetValue(companyId, out var account))
            {
                contacts[contact.Id] = BuyerProfiler.ProfileContact(state.Seed, contact, account);
            }
        }

        return new BuyerModel(accounts, contacts);
    }

    public AccountProfile AccountOf(ContactProfile contact) => Accounts[contact.CompanyId];
}
