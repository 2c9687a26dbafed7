using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Forms;
using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>
/// The portal's four forms and a history of submissions: about one contact in ten sent one of them in the last
/// 60 days. Drawn from a generator of its own, so the rest of the seeded portal is the same with or without forms.
/// </summary>
internal static class FormSeeder
{
    private const int HistoryDays = 60;

    private static readonly (string Name, string Page, double Weight)[] Catalogue =
    [
        (MarketingForm.ContactUs, "/contact", 0.2),
        (MarketingForm.DemoRequest, "/demo", 0.15),
        (MarketingForm.ContentDownload, "/resources", 0.45),
        (MarketingForm.Newsletter, "/blog", 0.2),
    ];

    public static void Seed(SeedContext context)
    {
        var random = new Random(unchecked((context.State.Seed * 8_191) + 131));
        var state = context.State;
        foreach (var (name, _, _) in Catalogue)
        {
            var createdAt = context.Now.AddDays(-200 - random.Next(400)).AddSeconds(random.Next(86_400));
            state.Forms.Add(new MarketingForm(DeveloperApp.SeededGuid(random), name, "hubspot", createdAt, createdAt.AddDays(random.Next(30))));
        }

        var history = new List<(DateTimeOffset At, int Form, CrmRecord Contact)>();
        foreach (var contact in state.Stores[CrmObjectTypes.Contacts].Ordered)
        {
            if (random.NextDouble() < 0.1 && contact.Get("email") is { Length: > 0 })
            {
                history.Add((context.Now.AddSeconds(-random.Next(HistoryDays * 86_400)), PickForm(random), contact));
            }
        }

        foreach (var (at, formIndex, contact) in history.OrderBy(h => h.At))
        {
            var form = state.Forms[formIndex];
            FormSubmission.Add(
                state.FormSubmissions, form, DeveloperApp.SeededGuid(random), at,
                FormValue.OfContact(contact.Get("email")!, contact.Get("firstname"), contact.Get("lastname")), $"https://www.example.com{Catalogue[formIndex].Page}");
        }
    }

    private static int PickForm(Random random)
    {
        var draw = random.NextDouble();
        for (var i = 0; i < Catalogue.Length - 1; i++)
        {
            draw -= Catalogue[i].Weight;
            if (draw < 0)
            {
                return i;
            }
        }

        return Catalogue.Length - 1;
    }
}
