using System.CommandLine;
using System.Security.Claims;
using Abm.Data;
using Abm.HubSpot;
using Abm.Server.Configuration;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Cli;

/// <summary>
/// What a verb that works on one workspace's data needs: the app built from the command line's host settings,
/// its database migrated and the default workspace ensured (as the server does at start, without serving),
/// and a scope acting for the chosen workspace (<c>--workspace</c>, else the default one).
/// </summary>
internal sealed class CliWorkspace : IAsyncDisposable
{
    public static readonly Option<Guid?> Option = new("--workspace") { Description = "The workspace to act on; the default workspace when left out." };

    private readonly WebApplication _app;
    private readonly AsyncServiceScope _scope;

    private CliWorkspace(WebApplication app, AsyncServiceScope scope, Guid id) => (_app, _scope, Id) = (app, scope, id);

    public Guid Id { get; }

    /// <summary>
    /// Who the verb acts as, for features that take the caller: an operator in this workspace, known as "cli" in
    /// the audit log. Running the executable against the database already takes operator-level access.
    /// </summary>
    public ClaimsPrincipal Caller => new(new ClaimsIdentity(
    [
        new Claim(AccessClaims.Workspace, Id.ToString()),
        new Claim(ClaimTypes.Role, Roles.Admin),
        new Claim(AccessClaims.KeyId, "cli"),
        new Claim(AccessClaims.Operator, "true"),
    ], "cli"));

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>The client for the workspace's HubSpot portal; a configuration error saying how to connect one when there is none.</summary>
    public async Task<HubSpotClient> HubSpotClientAsync(CancellationToken cancellationToken) =>
        await Get<HubSpotClients>().GetAsync(Id, cancellationToken)
        ?? throw new ConfigurationException($"Workspace {Id} has no HubSpot connection; set HUBSPOT_API_KEY or connect it through /api/connections.");

    public static async Task<CliWorkspace> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var app = await CliVerb.BuildStartedAppAsync(parse, cancellationToken);
        try
        {
            var id = parse.GetValue(Option) ?? app.Services.GetRequiredService<DefaultWorkspace>().Id;
            var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(id);
            if (!await scope.ServiceProvider.GetRequiredService<AbmDbContext>().Workspaces.AnyAsync(w => w.Id == id, cancellationToken))
            {
                await scope.DisposeAsync();
                throw new CliInputException($"there is no workspace {id}; 'GET /api/workspaces' lists them.");
            }

            return new CliWorkspace(app, scope, id);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }
}
