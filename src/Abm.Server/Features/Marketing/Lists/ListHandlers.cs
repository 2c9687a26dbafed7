using System.Security.Claims;
using Abm.Data;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Marketing.Lists;

/// <summary>HubSpot contact lists: find, create (manual), change membership in batches with a per-contact report, page members.</summary>
internal static class ListHandlers
{
    public static async Task<IResult> ListAsync(string? query, int? offset, int? limit, ClaimsPrincipal user, HubSpotClients clients, CancellationToken cancellationToken)
    {
        var (skip, take) = (offset ?? 0, limit ?? 100);
        if (skip < 0)
        {
            return HubSpotProblems.Invalid("offset", "offset must not be negative.");
        }

        if (take is < 1 or > Abm.HubSpot.Lists.ListsClient.MaxSearchCount)
        {
            return HubSpotProblems.Invalid("limit", $"limit must be between 1 and {Abm.HubSpot.Lists.ListsClient.MaxSearchCount}.");
        }

        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            var page = await client.Lists.SearchAsync(query, skip, take, cancellationToken);
            return TypedResults.Ok(new HubSpotListPageView([.. page.Lists.Select(HubSpotListView.Of)], page.Total, page.NextOffset));
        }, cancellationToken);
    }

    public static async Task<IResult> CreateAsync(
        CreateListRequest request, ClaimsPrincipal user, HubSpotClients clients, AuditTrail audit, AbmDbContext database, CancellationToken cancellationToken) =>
        await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            var list = await client.Lists.CreateAsync(request.Name.Trim(), cancellationToken: cancellationToken);
            audit.Record(user.WorkspaceId(), user, "hubspot.list_created", "hubspot_list", list.ListId, new { list.Name });
            await database.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/hubspot/lists/{list.ListId}", HubSpotListView.Of(list));
        }, cancellationToken);

    public static Task<IResult> AddAsync(
        string id, ListMembershipRequest request, ClaimsPrincipal user, HubSpotClients clients, AuditTrail audit, AbmDbContext database, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, add: true, user, clients, audit, database, cancellationToken);

    public static Task<IResult> RemoveAsync(
        string id, ListMembershipRequest request, ClaimsPrincipal user, HubSpotClients clients, AuditTrail audit, AbmDbContext database, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, add: false, user, clients, audit, database, cancellationToken);

    public static async Task<IResult> MembershipsAsync(
        string id, string? after, int? limit, ClaimsPrincipal user, HubSpotClients clients, AbmDbContext database, CancellationToken cancellationToken)
    {
        if (!HubSpotListIds.IsWellFormed(id))
        {
            return HubSpotListIds.Malformed("id", id);
        }

        if (limit is < 1 or > 250)
        {
            return HubSpotProblems.Invalid("limit", "limit must be between 1 and 250.");
        }

        if (after is { Length: > 200 })
        {
            return HubSpotProblems.Invalid("after", "after must be a cursor from a previous page.");
        }

        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            var (_, problem) = await HubSpotListIds.FindAsync(client, id, forMembershipChange: false, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var page = await client.Lists.MembershipPageAsync(id, after, limit ?? 100, cancellationToken);
            var hubSpotIds = page.Members.Select(m => m.RecordId).ToList();
            var known = await database.Contacts.Where(c => hubSpotIds.Contains(c.HubSpotId))
                .Select(c => new { c.HubSpotId, c.Id, c.Email }).ToDictionaryAsync(c => c.HubSpotId, cancellationToken);
            return TypedResults.Ok(new ListMemberPageView(id,
                [.. page.Members.Select(m => known.TryGetValue(m.RecordId, out var c) ? new ListMemberView(m.RecordId, c.Id, c.Email, m.JoinedAt) : new ListMemberView(m.RecordId, null, null, m.JoinedAt))],
                page.NextAfter, page.Total));
        }, cancellationToken);
    }

    private static async Task<IResult> ChangeAsync(
        string listId, ListMembershipRequest request, bool add, ClaimsPrincipal user, HubSpotClients clients, AuditTrail audit, AbmDbContext database, CancellationToken cancellationToken)
    {
        if (!HubSpotListIds.IsWellFormed(listId))
        {
            return HubSpotListIds.Malformed("id", listId);
        }

        var asked = request.ContactIds.Distinct().ToList();
        var contacts = await database.Contacts.Where(c => asked.Contains(c.Id) && c.ArchivedAt == null)
            .Select(c => new { c.Id, c.HubSpotId }).ToDictionaryAsync(c => c.Id, c => c.HubSpotId, cancellationToken);
        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            var (_, problem) = await HubSpotListIds.FindAsync(client, listId, forMembershipChange: true, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var change = contacts.Count == 0
                ? new Abm.HubSpot.Lists.ListMembershipChange([], [])
                : add ? await client.Lists.AddAsync(listId, [.. contacts.Values.Distinct()], cancellationToken)
                : await client.Lists.RemoveAsync(listId, [.. contacts.Values.Distinct()], cancellationToken);
            var (changed, missing) = (change.Changed.ToHashSet(StringComparer.Ordinal), change.Missing.ToHashSet(StringComparer.Ordinal));
            var outcomes = asked.Select(id => contacts.TryGetValue(id, out var hubSpotId)
                ? new ListMembershipOutcome(id, hubSpotId, missing.Contains(hubSpotId) ? ListMembershipOutcomes.NotInHubSpot
                    : changed.Contains(hubSpotId) ? (add ? ListMembershipOutcomes.Added : ListMembershipOutcomes.Removed)
                    : add ? ListMembershipOutcomes.AlreadyMember : ListMembershipOutcomes.NotMember)
                : new ListMembershipOutcome(id, null, ListMembershipOutcomes.UnknownContact)).ToList();
            var report = new ListMembershipReport(listId,
                outcomes.Count(o => o.Outcome is ListMembershipOutcomes.Added or ListMembershipOutcomes.Removed),
                outcomes.Count(o => o.Outcome is ListMembershipOutcomes.AlreadyMember or ListMembershipOutcomes.NotMember),
                outcomes.Count(o => o.Outcome is ListMembershipOutcomes.UnknownContact or ListMembershipOutcomes.NotInHubSpot),
                outcomes);
            audit.Record(user.WorkspaceId(), user, add ? "hubspot.list_members_added" : "hubspot.list_members_removed", "hubspot_list", listId,
                new { report.Changed, report.Unchanged, report.Refused });
            await database.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(report);
        }, cancellationToken);
    }
}
