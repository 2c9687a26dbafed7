using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>Creates 0 to 2 deals per account in the default pipeline, tied to the account and some contacts.</summary>
internal static class DealSeeder
{
    public static void SeedDeals(SeedContext context, CrmRecord company, IReadOnlyList<CrmRecord> contacts)
    {
        var count = context.Random.Next(0, 3);
        for (var i = 0; i < count; i++)
        {
            var stage = context.Pick(DefaultPropertyCatalog.DealStages);
            var created = context.PastTime(0, company.CreatedAt);
            var closeDate = stage is "closedwon" or "closedlost"
                ? context.PastTime(0, created)
                : context.Now.AddDays(context.Random.Next(7, 180));
            var properties = new Dictionary<string, string?>
            {
                ["dealname"] = $"{company.Get("name")} - {context.Pick(SeedVocabulary.Products)}",
                ["amount"] = SeedContext.Number(context.Random.Next(5, 500) * 1000m),
                ["dealstage"] = stage,
                ["pipeline"] = "default",
                ["closedate"] = SeedContext.Format(closeDate),
                ["dealtype"] = context.Random.Next(3) == 0 ? "existingbusiness" : "newbusiness",
                ["hubspot_owner_id"] = company.Get("hubspot_owner_id"),
            };
            var deal = CrmRecordFactory.Insert(context.State, CrmObjectTypes.Deals, created, properties);
            var associations = context.State.Associations;
            associations.Add(CrmObjectTypes.Deals, deal.Id, CrmObjectTypes.Companies, company.Id, AssociationKinds.FindById(5)!);
            associations.Add(CrmObjectTypes.Deals, deal.Id, CrmObjectTypes.Companies, company.Id, AssociationKinds.FindById(341)!);
            foreach (var contact in contacts.OrderBy(_ => context.Random.Next()).Take(context.Random.Next(1, 4)))
            {
                associations.Add(CrmObjectTypes.Deals, deal.Id, CrmObjectTypes.Contacts, contact.Id, AssociationKinds.FindById(3)!);
            }
        }
    }
}
