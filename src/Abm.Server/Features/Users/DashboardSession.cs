using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Users;

/// <summary>
/// What a signed-in user's cookie carries: the same claims an API key gives (workspace, role, actor), so the
/// same authorization policies decide what both may do, plus the security stamp checked on every request.
/// </summary>
internal static class DashboardSession
{
    public const string Scheme = "AbmDashboard";
    private const string StampClaim = "abm:stamp";

    public static ClaimsPrincipal PrincipalFor(DashboardUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.Email ?? user.UserName ?? user.Id.ToString()),
            new Claim(AccessClaims.Workspace, user.WorkspaceId.ToString()),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(AccessClaims.KeyId, $"user:{user.Id}"),
            new Claim(AccessClaims.Operator, "false"),
            new Claim(StampClaim, user.SecurityStamp ?? ""),
        ],
        Scheme));

    /// <summary>
    /// A cookie stays good only while its user exists, is not locked out and has the security stamp it was issued
    /// with (a password or role change renews the stamp), so removing or demoting a user ends their sessions.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await RejectAsync(context);
            return;
        }

        var database = context.HttpContext.RequestServices.GetRequiredService<AbmDbContext>();
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = await database.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (user is null || user.SecurityStamp != principal.FindFirstValue(StampClaim) || user.LockoutEnd > now)
        {
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
