using Abm.Server.Features.Access;
using Abm.Server.Features.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using MudBlazor.Services;

namespace Abm.Server.Dashboard;

/// <summary>
/// The dashboard: a Blazor Web App (interactive server rendering, MudBlazor) served by the same process as the
/// API. Its pages call the features' query services directly, the ones the API's handlers call.
/// </summary>
internal static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddScoped<DashboardData>();
        return services;
    }

    /// <summary>Called after <c>UseAbmMiddleware</c>: antiforgery checks need the signed-in user.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPost("/signout", SignOutAsync).RequireAuthorization(AccessPolicies.Read).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapGet("/export/accounts.csv", GridExports.AccountsAsync).RequireAuthorization(AccessPolicies.Read).ExcludeFromDescription();
        app.MapGet("/export/contacts.csv", GridExports.ContactsAsync).RequireAuthorization(AccessPolicies.Read).ExcludeFromDescription();
        app.MapGet("/export/content.csv", GridExports.ContentAsync).RequireAuthorization(AccessPolicies.Read).ExcludeFromDescription();
        app.MapGet("/export/leads.csv", GridExports.LeadsAsync).RequireAuthorization(AccessPolicies.Read).ExcludeFromDescription();
        return app;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await http.SignOutAsync(DashboardSession.Scheme);
        return TypedResults.LocalRedirect("/signin");
    }
}
