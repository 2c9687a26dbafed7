using Abm.HubSpot.Sandbox.Owners;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>
/// Generates a portal's data deterministically from a seed: owners, target accounts across the five
/// default industries, their buying committees and deals, all associated as HubSpot would have them.
/// </summary>
internal static class PortalSeeder
{
    private const int OwnerCount = 8;

    public static PortalState Seed(int seed, int accounts, DateTimeOffset now, long firstId)
    {
        var state = new PortalState(now, firstId, seed);
        var context = new SeedContext(state, new Random(seed), now);
        SeedOwners(context);
        for (var i = 0; i < accounts; i++)
        {
            var company = CompanySeeder.Seed(context);
            var contacts = ContactSeeder.SeedCommittee(context, company);
            DealSeeder.SeedDeals(context, company, contacts);
        }

        EmailEventSeeder.Seed(context);
        FormSeeder.Seed(context);
        state.EndSeeding();

        return state;
    }

    private static void SeedOwners(SeedContext context)
    {
        var teams = new[] { new OwnerTeam("101", "Enterprise Sales", true), new OwnerTeam("102", "Mid-Market Sales", true) };
        for (var i = 0; i < OwnerCount; i++)
        {
            var first = context.Pick(SeedVocabulary.FirstNames);
            var last = context.Pick(SeedVocabulary.LastNames);
            context.State.Owners.Add(new Owner(
                Id: 70_000_001 + i,
                UserId: 9_000_001 + i,
                Email: $"{first}.{last}{i + 1}@sandbox-sales.example.com".ToLowerInvariant(),
                FirstName: first,
                LastName: last,
                Teams: [teams[i % teams.Length]],
                CreatedAt: context.PastTime(900)));
        }
    }
}
