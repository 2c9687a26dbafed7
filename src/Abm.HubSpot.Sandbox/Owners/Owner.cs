namespace Abm.HubSpot.Sandbox.Owners;

internal sealed record OwnerTeam(string Id, string Name, bool Primary);

/// <summary>A HubSpot user who can own records; records reference <see cref="Id"/>, never <see cref="UserId"/>.</summary>
internal sealed record Owner(
    long Id,
    long UserId,
    string Email,
    string FirstName,
    string LastName,
    IReadOnlyList<OwnerTeam> Teams,
    DateTimeOffset CreatedAt);
