using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Users;

/// <summary>Why a change to a user was refused: a field's problem (400) or a conflict with the workspace's state (409).</summary>
internal sealed record UserRefusal(string? Field, string Message);

/// <summary>
/// The users of the caller's workspace, for its admins (the users routes and the settings page): listed, added,
/// given another role, removed; every change audited. Users are not filtered by workspace in the database (sign-in
/// finds them by email alone), so every query here names the workspace. A workspace always keeps an admin, and
/// nobody demotes or removes their own user, so an admin cannot lock their workspace out by mistake.
/// </summary>
internal sealed class WorkspaceUsers(UserManager<DashboardUser> users, DashboardUsers creator, AbmDbContext database, AuditTrail audit, TimeProvider clock)
{
    public async Task<List<UserResponse>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var workspace = caller.WorkspaceId();
        var now = clock.GetUtcNow();
        var found = await database.Users.AsNoTracking().Where(u => u.WorkspaceId == workspace).OrderBy(u => u.Email).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        return [.. found.Select(u => UserResponse.From(u, now))];
    }

    public async Task<(AddedUserResponse? User, UserRefusal? Refusal)> AddAsync(AddUserRequest request, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return (null, new UserRefusal("email", "a user with this email already exists."));
        }

        var generated = string.IsNullOrEmpty(request.Password);
        var password = generated ? DashboardUsers.GeneratePassword() : request.Password!;
        var (user, problems) = await creator.AddAsync(email, request.Role, caller.WorkspaceId(), password);
        if (user is null)
        {
            var field = problems.Any(p => p.Contains("password", StringComparison.OrdinalIgnoreCase)) ? "password" : "email";
            return (null, new UserRefusal(field, string.Join(" ", problems)));
        }

        audit.Record(user.WorkspaceId, caller, "user.created", "user", user.Id.ToString(), new { user.Email, user.Role, PasswordGenerated = generated });
        await database.SaveChangesAsync(cancellationToken);
        var created = await database.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, cancellationToken);
        return (new AddedUserResponse(user.Id, user.Email, user.Role, created.CreatedAt, generated ? password : null), null);
    }

    /// <returns>The user with the new role; null when the workspace has no such user.</returns>
    public async Task<(UserResponse? User, UserRefusal? Refusal)> ChangeRoleAsync(Guid id, string role, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, caller, cancellationToken) is not { } user)
        {
            return (null, null);
        }

        if (user.Role == role)
        {
            return (UserResponse.From(user, clock.GetUtcNow()), null);
        }

        if (await KeepsWorkspaceRunningAsync(user, caller, "change the role of", cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        var from = user.Role;
        user.Role = role;
        audit.Record(user.WorkspaceId, caller, "user.role_changed", "user", user.Id.ToString(), new { user.Email, From = from, To = role });
        // A new security stamp ends the sessions signed in with the old role.
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded
            ? (UserResponse.From(user, clock.GetUtcNow()), null)
            : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <returns>Whether the workspace had the user (and the refusal, if it was kept).</returns>
    public async Task<(bool Found, UserRefusal? Refusal)> RemoveAsync(Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, caller, cancellationToken) is not { } user)
        {
            return (false, null);
        }

        if (await KeepsWorkspaceRunningAsync(user, caller, "remove", cancellationToken) is { } refusal)
        {
            return (true, refusal);
        }

        audit.Record(user.WorkspaceId, caller, "user.removed", "user", user.Id.ToString(), new { user.Email, user.Role });
        var result = await users.DeleteAsync(user);
        return result.Succeeded ? (true, null) : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private Task<DashboardUser?> FindAsync(Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var workspace = caller.WorkspaceId();
        return database.Users.FirstOrDefaultAsync(u => u.Id == id && u.WorkspaceId == workspace, cancellationToken);
    }

    /// <summary>Refuses a change to the caller's own user, or one that would leave the workspace without an admin.</summary>
    private async Task<UserRefusal?> KeepsWorkspaceRunningAsync(DashboardUser user, ClaimsPrincipal caller, string change, CancellationToken cancellationToken)
    {
        if (caller.Actor() == $"user:{user.Id}")
        {
            return new UserRefusal(null, $"You cannot {change} your own user; another admin of the workspace can.");
        }

        var otherAdmins = await database.Users.CountAsync(u => u.WorkspaceId == user.WorkspaceId && u.Role == Roles.Admin && u.Id != user.Id, cancellationToken);
        return user.Role == Roles.Admin && otherAdmins == 0
            ? new UserRefusal(null, $"{user.Email} is the workspace's only admin user; make another user admin first.")
            : null;
    }
}
