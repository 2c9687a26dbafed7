using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Lists;

internal sealed record ListResponse(
    string ListId, string Name, string ObjectTypeId, string ProcessingType, string ProcessingStatus,
    int ListVersion, int Size, string CreatedAt, string UpdatedAt)
{
    public static ListResponse Of(CrmList list) => new(
        list.ListId.ToString(CultureInfo.InvariantCulture), list.Name, list.ObjectTypeId, list.ProcessingType, "COMPLETE",
        list.Version, list.Members.Count, HubSpotTime.Format(list.CreatedAt), HubSpotTime.Format(list.UpdatedAt));
}

/// <summary>Routes of the lists v3 API.</summary>
internal static class ListEndpoints
{
    public static IEndpointRouteBuilder MapListEndpoints(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/crm/v3/lists");
        lists.MapPost("", ListHandlers.CreateAsync).RequiresScope(KnownScopes.ListsWrite);
        lists.MapPost("/search", ListSearchHandlers.SearchAsync).RequiresScope(KnownScopes.ListsRead);
        lists.MapGet("/{listId}", ListHandlers.Get).RequiresScope(KnownScopes.ListsRead);
        lists.MapGet("/object-type-id/{objectTypeId}/name/{listName}", ListHandlers.GetByName).RequiresScope(KnownScopes.ListsRead);
        lists.MapDelete("/{listId}", ListHandlers.Delete).RequiresScope(KnownScopes.ListsWrite);
        lists.MapPut("/{listId}/memberships/add", ListMembershipHandlers.AddAsync).RequiresScope(KnownScopes.ListsWrite);
        lists.MapPut("/{listId}/memberships/remove", ListMembershipHandlers.RemoveAsync).RequiresScope(KnownScopes.ListsWrite);
        lists.MapGet("/{listId}/memberships", ListMembershipHandlers.List).RequiresScope(KnownScopes.ListsRead);
        return app;
    }
}
