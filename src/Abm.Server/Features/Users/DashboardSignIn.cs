using Abm.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Abm.Server.Features.Users;

internal enum SignInOutcome { SignedIn, WrongCredentials, LockedOut }

/// <summary>
/// Checks an email and password with Identity (constant-time hash check, failure count, lockout after five
/// failures) and issues the session cookie. An unknown email and a wrong password get the same answer.
/// </summary>
internal sealed class DashboardSignIn(UserManager<DashboardUser> users)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return SignInOutcome.WrongCredentials;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return SignInOutcome.LockedOut;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials;
        }

        await users.ResetAccessFailedCountAsync(user);
        await http.SignInAsync(DashboardSession.Scheme, DashboardSession.PrincipalFor(user));
        return SignInOutcome.SignedIn;
    }
}
