using Abm.Data;
using Abm.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Abm.Server.Features.Users;

/// <summary>
/// Dashboard users: ASP.NET Core Identity (password hashing, lockout, security stamps) over the users table,
/// signed in with a cookie that only the dashboard's pages read; /api keeps accepting API keys alone.
/// </summary>
internal static class UserSetup
{
    public const int MinimumPasswordLength = 12;

    public static IServiceCollection AddDashboardUsers(this IServiceCollection services)
    {
        services.AddIdentityCore<DashboardUser>(options =>
            {
                // Length over composition rules: a long passphrase beats "P@ssw0rd!".
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddUserStore<UserOnlyStore<DashboardUser, AbmDbContext, Guid>>();
        services.AddScoped<DashboardUsers>();
        services.AddScoped<DashboardSignIn>();
        services.AddScoped<WorkspaceUsers>();
        return services;
    }

    /// <summary>The dashboard's session cookie: HTTP-only, same-site, eight hours that slide while the user works.</summary>
    public static AuthenticationBuilder AddDashboardCookie(this AuthenticationBuilder builder) =>
        builder.AddCookie(DashboardSession.Scheme, options =>
        {
            options.Cookie.Name = "abm.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/signin";
            options.AccessDeniedPath = "/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents { OnValidatePrincipal = DashboardSession.ValidateAsync };
        });
}
