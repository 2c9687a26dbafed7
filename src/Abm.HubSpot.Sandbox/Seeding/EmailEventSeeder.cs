using System.Globalization;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Email;

namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>
/// A simple engagement history: three marketing emails over the last 60 days, sent to about half of the
/// contacts, with opens and clicks at plausible rates.
/// </summary>
internal static class EmailEventSeeder
{
    private const int FirstCampaignId = 300_001;
    private static readonly string[] Links = ["/resources/roi-calculator", "/resources/case-study", "/webinars/product-tour", "/pricing"];

    public static void Seed(SeedContext context)
    {
        var events = new List<EmailEvent>();
        var contacts = context.State.Stores[CrmObjectTypes.Contacts].Ordered;
        for (var campaign = 0; campaign < 3; campaign++)
        {
            var sentAt = context.Now.AddDays(-60 + (campaign * 20)).AddHours(context.Random.Next(0, 12));
            foreach (var contact in contacts)
            {
                if (context.Random.NextDouble() >= 0.5)
                {
                    continue;
                }

                var email = contact.Get("email")!;
                var campaignId = FirstCampaignId + campaign;
                events.Add(new EmailEvent(NextId(context), sentAt, "SENT", email, campaignId));
                events.Add(new EmailEvent(NextId(context), sentAt.AddSeconds(30), "DELIVERED", email, campaignId));
                if (context.Random.NextDouble() < 0.4)
                {
                    var openedAt = sentAt.AddMinutes(context.Random.Next(5, 4000));
                    events.Add(new EmailEvent(NextId(context), openedAt, "OPEN", email, campaignId));
                    if (context.Random.NextDouble() < 0.35)
                    {
                        var url = $"https://www.example.com{context.Pick(Links)}";
                        events.Add(new EmailEvent(NextId(context), openedAt.AddSeconds(context.Random.Next(5, 300)), "CLICK", email, campaignId, url));
                    }
                }
            }
        }

        context.State.EmailEvents.AddRange(events.Where(e => e.Created <= context.Now).OrderBy(e => e.Created));
    }

    private static string NextId(SeedContext context) =>
        $"{context.Random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture)}";
}
