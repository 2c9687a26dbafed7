using System.Security.Claims;
using Abm.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Users;

/// <summary>The users of the caller's workspace (admins only); a user of another workspace is not found.</summary>
internal static class UserHandlers
{
    public static async Task<Ok<List<UserResponse>>> ListAsync(ClaimsPrincipal user, WorkspaceUsers users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(user, cancellationToken));

    public static async Task<Results<Created<AddedUserResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        AddUserRequest request, ClaimsPrincipal user, WorkspaceUsers users, CancellationToken cancellationToken)
    {
        var (added, refusal) = await users.AddAsync(request, user, cancellationToken);
        if (added is not null)
        {
            return TypedResults.Created($"/api/users/{added.Id}", added);
        }

        return refusal!.Field is { } field ? Invalid(field, refusal.Message) : Kept(refusal);
    }

    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        Guid id, ChangeRoleRequest request, ClaimsPrincipal user, WorkspaceUsers users, CancellationToken cancellationToken)
    {
        var (changed, refusal) = await users.ChangeRoleAsync(id, request.Role, user, cancellationToken);
        if (changed is not null)
        {
            return TypedResults.Ok(changed);
        }

        return refusal is null ? NotFound(id) : refusal.Field is { } field ? Invalid(field, refusal.Message) : Kept(refusal);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(Guid id, ClaimsPrincipal user, WorkspaceUsers users, CancellationToken cancellationToken)
    {
        var (found, refusal) = await users.RemoveAsync(id, user, cancellationToken);
        return !found ? NotFound(id) : refusal is not null ? Kept(refusal) : TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("User not found", $"No user {id} in this workspace.");

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult Kept(UserRefusal refusal) => ApiProblems.Conflict("User kept", refusal.Message);
}
