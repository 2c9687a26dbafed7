using Abm.HubSpot;
using Abm.HubSpot.Lists;
using Abm.Server.Errors;

namespace Abm.Server.Features.Marketing.Lists;

/// <summary>
/// A HubSpot list id as routes and bodies take it: digits only (HubSpot's ids are numbers), checked before any call; and
/// the list itself, looked up so an unknown list is answered naming it rather than by HubSpot's bare 404.
/// </summary>
internal static class HubSpotListIds
{
    public static bool IsWellFormed(string? listId) => listId is { Length: > 0 and <= 20 } && listId.All(char.IsAsciiDigit);

    public static IResult Malformed(string field, string? listId) =>
        HubSpotProblems.Invalid(field, $"'{listId}' is not a HubSpot list id (a number).");

    public static IResult Unknown(string listId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "HubSpot list not found", detail: $"The connected portal has no list {listId}.");

    /// <summary>The list, or the problem to answer: malformed id (400), unknown list (404), or a list that does not take manual changes (409).</summary>
    public static async Task<(HubSpotList? List, IResult? Problem)> FindAsync(HubSpotClient client, string listId, bool forMembershipChange, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(listId))
        {
            return (null, Malformed("listId", listId));
        }

        if (await client.Lists.GetAsync(listId, cancellationToken) is not { } list)
        {
            return (null, Unknown(listId));
        }

        return forMembershipChange && !list.AcceptsManualMembership
            ? (null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "List membership is not manual",
                detail: $"List {listId} is a {list.ProcessingType} list; only MANUAL and SNAPSHOT lists take membership changes."))
            : (list, null);
    }
}
