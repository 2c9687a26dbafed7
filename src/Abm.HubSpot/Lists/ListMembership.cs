namespace Abm.HubSpot.Lists;

/// <summary>A record in a list, and when it joined (HubSpot's <c>membershipTimestamp</c>).</summary>
public sealed record ListMembership(string RecordId, DateTimeOffset? JoinedAt);
