namespace Abm.HubSpot.Owners;

/// <summary>A team an owner belongs to.</summary>
public sealed record OwnerTeam(string Id, string? Name, bool Primary);

/// <summary>
/// A HubSpot user who can own records. Records' <c>hubspot_owner_id</c> holds <see cref="Id"/>, never
/// <see cref="UserId"/>.
/// </summary>
public sealed record HubSpotOwner(string Id, long? UserId, string? Email, string? FirstName, string? LastName, IReadOnlyList<OwnerTeam> Teams);

/// <summary>One page of owners and the opaque cursor of the next page (null on the last page).</summary>
public sealed record OwnerPage(IReadOnlyList<HubSpotOwner> Results, string? After);

// Wire shape: every field optional.
internal sealed record OwnerDto(string? Id, long? UserId, string? Email, string? FirstName, string? LastName, List<OwnerTeam>? Teams)
{
    public HubSpotOwner ToOwner() => new(Id ?? "", UserId, Email, FirstName, LastName, Teams ?? []);
}
