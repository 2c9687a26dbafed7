using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>Creates the buying committee of an account: 5 to 30 contacts with roles, titles and unique emails.</summary>
internal static class ContactSeeder
{
    private static readonly string[] LifecycleWeighted =
        ["subscriber", "lead", "lead", "lead", "marketingqualifiedlead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist"];

    public static IReadOnlyList<CrmRecord> SeedCommittee(SeedContext context, CrmRecord company)
    {
        var count = context.Random.Next(5, 31);
        var contacts = new List<CrmRecord>(count);
        for (var i = 0; i < count; i++)
        {
            contacts.Add(SeedContact(context, company));
        }

        return contacts;
    }

    private static CrmRecord SeedContact(SeedContext context, CrmRecord company)
    {
        var first = context.Pick(SeedVocabulary.FirstNames);
        var last = context.Pick(SeedVocabulary.LastNames);
        var domain = company.Get("domain")!;
        var persona = PickPersona(context);
        var properties = new Dictionary<string, string?>
        {
            ["firstname"] = first,
            ["lastname"] = last,
            ["email"] = UniqueEmail(context, first, last, domain),
            ["jobtitle"] = context.Pick(persona.JobTitles),
            ["hs_buying_role"] = context.Pick(persona.BuyingRoles),
            ["lifecyclestage"] = context.Pick(LifecycleWeighted),
            ["company"] = company.Get("name"),
            ["website"] = company.Get("website"),
            ["country"] = company.Get("country"),
            ["city"] = company.Get("city"),
            ["phone"] = $"+1 555 {context.Random.Next(100, 1000)} {context.Random.Next(1000, 10000)}",
            ["hs_email_domain"] = domain,
            ["associatedcompanyid"] = company.Get("hs_object_id"),
            ["hubspot_owner_id"] = company.Get("hubspot_owner_id"),
        };
        var contact = CrmRecordFactory.Insert(context.State, CrmObjectTypes.Contacts, context.PastTime(0, company.CreatedAt), properties);
        var associations = context.State.Associations;
        associations.Add(CrmObjectTypes.Contacts, contact.Id, CrmObjectTypes.Companies, company.Id, AssociationKinds.FindById(1)!);
        associations.Add(CrmObjectTypes.Contacts, contact.Id, CrmObjectTypes.Companies, company.Id, AssociationKinds.FindById(279)!);
        return contact;
    }

    private static SeedPersona PickPersona(SeedContext context)
    {
        var total = SeedPersona.Defaults.Sum(p => p.Weight);
        var roll = context.Random.Next(total);
        foreach (var persona in SeedPersona.Defaults)
        {
            roll -= persona.Weight;
            if (roll < 0)
            {
                return persona;
            }
        }

        return SeedPersona.Defaults[^1];
    }

    private static string UniqueEmail(SeedContext context, string first, string last, string domain)
    {
        var local = $"{first}.{last}".ToLowerInvariant();
        var email = $"{local}@{domain}";
        for (var n = 2; !context.UsedEmails.Add(email); n++)
        {
            email = $"{local}{n}@{domain}";
        }

        return email;
    }
}
