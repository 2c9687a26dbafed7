using Abm.Server.Features.Access;

namespace Abm.Server.Features.Users;

internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Users").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/", UserHandlers.ListAsync).WithName("ListUsers");
        group.MapPost("/", UserHandlers.AddAsync).WithName("AddUser");
        group.MapPut("/{id:guid}/role", UserHandlers.ChangeRoleAsync).WithName("ChangeUserRole");
        group.MapDelete("/{id:guid}", UserHandlers.RemoveAsync).WithName("RemoveUser");
        return group;
    }
}
