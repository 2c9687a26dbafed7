using Abm.Data.Entities;

namespace Abm.Server.Tests.Lists;

/// <summary>Accounts, owners and contacts written straight to the database, as sync and scoring would leave them.</summary>
internal static class ListSeed
{
    public sealed record AccountSpec(
        string Name, int Score, double Velocity = 0, double Coverage = 0, string? Stage = null, string? Tier = null, string? Industry = null,
        string? Owner = null, int Contacts = 0, bool Scored = true);

    public static async Task<Company> AccountAsync(AbmServerFactory server, Guid workspace, AccountSpec spec)
    {
        var company = new Company
        {
            Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = NextId(), Name = spec.Name, Domain = $"{spec.Name.ToLowerInvariant().Replace(' ', '-')}.example",
            Industry = spec.Industry, AccountTier = spec.Tier, OwnerHubSpotId = spec.Owner, EngagementScore = spec.Score, EngagementVelocity = spec.Velocity,
        };
        await using var database = server.OpenDatabase();
        database.Companies.Add(company);
        if (spec.Scored)
        {
            database.AccountScores.Add(new AccountScore
            {
                Id = Guid.NewGuid(), WorkspaceId = workspace, CompanyId = company.Id, Score = spec.Score, Velocity = spec.Velocity,
                StakeholderCoverage = spec.Coverage, DominantStage = spec.Stage, ContactCount = spec.Contacts, ComputedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            });
        }

        await database.SaveChangesAsync();
        return company;
    }

    public static async Task OwnerAsync(AbmServerFactory server, Guid workspace, string hubSpotId, string first, string last)
    {
        await using var database = server.OpenDatabase();
        database.Owners.Add(new Owner { Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = hubSpotId, FirstName = first, LastName = last, Email = $"{first.ToLowerInvariant()}@vendor.example" });
        await database.SaveChangesAsync();
    }

    public static async Task<Contact> ContactAsync(
        AbmServerFactory server, Guid workspace, string last, int score, string stage = "problem_awareness", string persona = "unknown",
        Guid? companyId = null, string[]? segments = null, string? email = null, string? buyingRole = null)
    {
        var contact = new Contact
        {
            Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = NextId(), Email = email ?? $"{last.ToLowerInvariant()}.{Guid.NewGuid():N}@buyer.example",
            FirstName = "Pat", LastName = last, EngagementScore = score, JourneyStage = stage, PersonaType = persona, CompanyId = companyId,
            Segments = [.. segments ?? []], BuyingRole = buyingRole,
        };
        await using var database = server.OpenDatabase();
        database.Contacts.Add(contact);
        await database.SaveChangesAsync();
        return contact;
    }

    private static string NextId() => Random.Shared.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
