using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Owners;

/// <summary>GET /crm/v3/owners (paging, email filter) and GET /crm/v3/owners/{id}.</summary>
internal static class OwnerEndpoints
{
    public static IEndpointRouteBuilder MapOwnerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/crm/v3/owners", List).RequiresScope(KnownScopes.OwnersRead);
        app.MapGet("/crm/v3/owners/{ownerId}", Get).RequiresScope(KnownScopes.OwnersRead);
        return app;
    }

    private static IResult List(HttpContext http)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 1, 100) : 100;
        var offset = int.TryParse(query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : 0;
        var email = query["email"].ToString();
        return Caller.Of(http).Portal.Read(state =>
        {
            var matching = state.Owners
                .Where(o => email.Length == 0 || string.Equals(o.Email, email, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var page = matching.Skip(offset).Take(limit).Select(Response).ToList();
            var next = offset + page.Count;
            var paging = next < matching.Count ? new Paging(new PagingNext(next.ToString(CultureInfo.InvariantCulture))) : null;
            return SandboxJson.Json(new OwnerPage(page, paging));
        });
    }

    private static IResult Get(string ownerId, HttpContext http)
    {
        var byUserId = http.Request.Query["idProperty"] == "userId";
        return Caller.Of(http).Portal.Read(state =>
        {
            var owner = state.Owners.FirstOrDefault(o => (byUserId ? o.UserId : o.Id).ToString(CultureInfo.InvariantCulture) == ownerId);
            return owner is null ? HubSpotErrors.NotFound($"Owner {ownerId} not found") : SandboxJson.Json(Response(owner));
        });
    }

    private static OwnerResponse Response(Owner owner)
    {
        var stamp = HubSpotTime.Format(owner.CreatedAt);
        return new OwnerResponse(
            owner.Id.ToString(CultureInfo.InvariantCulture), owner.Email, "PERSON", owner.FirstName, owner.LastName,
            owner.UserId, stamp, stamp, false, owner.Teams);
    }

    private sealed record OwnerResponse(
        string Id, string Email, string Type, string FirstName, string LastName, long UserId,
        string CreatedAt, string UpdatedAt, bool Archived, IReadOnlyList<OwnerTeam> Teams);

    private sealed record OwnerPage(IReadOnlyList<OwnerResponse> Results, Paging? Paging);
}
