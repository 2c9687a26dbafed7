using System.ComponentModel.DataAnnotations;
using Abm.HubSpot.Lists;

namespace Abm.Server.Features.Marketing.Lists;

/// <summary>A new manual (static) contact list in HubSpot.</summary>
internal sealed record CreateListRequest([property: Required, StringLength(200, MinimumLength = 1)] string Name);

/// <summary>ABM contacts (by their ids here) to add to or remove from a HubSpot list; 1,000 at most per request.</summary>
internal sealed record ListMembershipRequest([property: Required, MinLength(1), MaxLength(ListMembershipRequest.MaxContacts)] IReadOnlyList<Guid> ContactIds)
{
    public const int MaxContacts = 1_000;
}

/// <summary>A HubSpot list as the API shows it; <c>size</c> is HubSpot's count of members when it gives one.</summary>
internal sealed record HubSpotListView(string ListId, string Name, string? ProcessingType, string? ObjectTypeId, int? Size, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static HubSpotListView Of(HubSpotList list) => new(list.ListId, list.Name, list.ProcessingType, list.ObjectTypeId, list.Size, list.CreatedAt, list.UpdatedAt);
}

internal sealed record HubSpotListPageView(IReadOnlyList<HubSpotListView> Items, int Total, int? NextOffset);

/// <summary>
/// What happened to each contact of a membership change: <c>added</c>, <c>already_member</c>, <c>removed</c>,
/// <c>not_member</c>, <c>unknown_contact</c> (no such contact in this workspace) or <c>not_in_hubspot</c> (HubSpot has
/// no record with the contact's HubSpot id).
/// </summary>
internal sealed record ListMembershipOutcome(Guid ContactId, string? HubSpotId, string Outcome);

internal sealed record ListMembershipReport(string ListId, int Changed, int Unchanged, int Refused, IReadOnlyList<ListMembershipOutcome> Contacts);

/// <summary>A member of a list: HubSpot's record id, and the ABM contact with it when it is synced here.</summary>
internal sealed record ListMemberView(string HubSpotId, Guid? ContactId, string? Email, DateTimeOffset? JoinedAt);

internal sealed record ListMemberPageView(string ListId, IReadOnlyList<ListMemberView> Items, string? NextAfter, int? Total);

internal static class ListMembershipOutcomes
{
    public const string Added = "added";
    public const string AlreadyMember = "already_member";
    public const string Removed = "removed";
    public const string NotMember = "not_member";
    public const string UnknownContact = "unknown_contact";
    public const string NotInHubSpot = "not_in_hubspot";
}
