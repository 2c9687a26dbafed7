using System.Security.Claims;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Abm.Server.Dashboard;

/// <summary>
/// Runs the features' own query services for a page. An interactive page lives for the whole connection, so each
/// call gets a fresh scope (its own DbContext) acting for the signed-in user's workspace, as an API request would.
/// Failures are logged with a reference and come back as a sentence for the page to show.
/// </summary>
internal sealed partial class DashboardData(
    IServiceScopeFactory scopes, AuthenticationStateProvider authentication, IAuthorizationService authorization, ILogger<DashboardData> logger)
{
    public Task<DataResult<TResult>> RunAsync<TService, TResult>(Func<TService, Task<TResult>> query)
        where TService : notnull =>
        InScopeAsync<TService, TResult>((service, _) => query(service));

    /// <summary>A read that, like an API handler, needs the signed-in user (its workspace's HubSpot connection, say).</summary>
    public Task<DataResult<TResult>> RunAsync<TService, TResult>(Func<TService, ClaimsPrincipal, Task<TResult>> query)
        where TService : notnull =>
        InScopeAsync(query);

    /// <summary>
    /// A change made from a page, allowed only when the signed-in user meets <paramref name="policy"/>: the same rule
    /// as the API route that makes it (a hidden button is no protection, the circuit can still call this).
    /// </summary>
    public async Task<DataResult<TResult>> ActAsync<TService, TResult>(string policy, Func<TService, ClaimsPrincipal, Task<TResult>> action)
        where TService : notnull
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded
            ? await InScopeAsync(action)
            : new DataResult<TResult>(default, "Your role does not allow this change; ask an administrator of your workspace.");
    }

    private async Task<DataResult<TResult>> InScopeAsync<TService, TResult>(Func<TService, ClaimsPrincipal, Task<TResult>> query)
        where TService : notnull
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(user.WorkspaceId());
        try
        {
            return new DataResult<TResult>(await query(scope.ServiceProvider.GetRequiredService<TService>(), user), null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            LogFailure(error, typeof(TService).Name, reference);
            return new DataResult<TResult>(default, $"Something went wrong while loading this data, so it is not shown. Try again in a moment; if it keeps happening, give your administrator the reference {reference}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dashboard query {Query} failed (reference {Reference})")]
    private partial void LogFailure(Exception error, string query, string reference);
}

/// <summary>What a page asked for, or the message to show instead.</summary>
internal sealed record DataResult<T>(T? Value, string? Problem);
