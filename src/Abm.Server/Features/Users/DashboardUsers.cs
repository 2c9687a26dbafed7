using System.Security.Cryptography;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Users;

internal sealed record NewUser(Guid Id, string Email, string Role, Guid WorkspaceId);

/// <summary>Creates dashboard users (the CLI's <c>abm users add</c>), with the rules API keys follow for roles.</summary>
internal sealed class DashboardUsers(UserManager<DashboardUser> users, AbmDbContext database, TimeProvider clock)
{
    /// <summary>A 24-character random password (144 bits) for when none is given.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    /// <returns>The user, or the reasons it could not be created (never including the password).</returns>
    public async Task<(NewUser? User, IReadOnlyList<string> Problems)> AddAsync(string email, string role, Guid workspaceId, string password)
    {
        var problems = new List<string>();
        if (!Roles.IsKnown(role))
        {
            problems.Add($"role must be one of {string.Join(", ", Roles.All)}");
        }

        if (!await database.Workspaces.AnyAsync(w => w.Id == workspaceId))
        {
            problems.Add($"no workspace has the id {workspaceId}");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var user = new DashboardUser
        {
            Id = Guid.CreateVersion7(), UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, Role = role, WorkspaceId = workspaceId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded
            ? (new NewUser(user.Id, user.Email, user.Role, user.WorkspaceId), [])
            : (null, [.. result.Errors.Select(e => e.Description)]);
    }

    /// <summary>
    /// Gives an existing user a new password, or creates the user with it: the demo's sign-in, renewed at every start
    /// like its API key, so a password printed once is never needed again. Changing the password also changes the
    /// user's security stamp, which ends the sessions opened with the old one.
    /// </summary>
    /// <returns>The reasons it failed; empty when it worked.</returns>
    public async Task<IReadOnlyList<string>> SetPasswordAsync(string email, string role, Guid workspaceId, string password)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            return (await AddAsync(email, role, workspaceId, password)).Problems;
        }

        var removed = await users.RemovePasswordAsync(user);
        var added = removed.Succeeded ? await users.AddPasswordAsync(user, password) : removed;
        return added.Succeeded ? [] : [.. added.Errors.Select(e => e.Description)];
    }
}
