using System.Security.Claims;
using System.Text.Encodings.Web;
using Abm.Data;
using Abm.Server.Features.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Access;

/// <summary>
/// Reads the key from <c>Authorization: Bearer</c> (the documented scheme) or <c>X-Api-Key</c>, and turns it
/// into claims: workspace, role, key id. Keys are looked up by prefix and checked in constant time.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AccessOptions> access,
    DefaultWorkspace defaultWorkspace,
    AbmDbContext database,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string WorkspaceHeader = "X-Workspace-Id";
    public const string UnknownWorkspaceItem = "abm:unknown-workspace";

    // Writing last-used on every request would turn reads into writes; once a minute is precise enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadPresentedKey();
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (access.Value.ApiSecretKey is { } operatorKey && ApiKeySecret.MatchesOperatorKey(presented, operatorKey))
        {
            return await AuthenticateOperatorAsync();
        }

        var prefix = ApiKeySecret.PrefixOf(presented);
        var key = prefix is null ? null : await database.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || !ApiKeySecret.Matches(presented, key.SecretHash))
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        if (key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("This API key was revoked.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            await database.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        return Success(key.WorkspaceId, key.Role, key.Id.ToString(), isOperator: false);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: result.Failure?.Message ?? "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.")
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirstValue(ClaimTypes.Role) ?? "none";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: $"An API key with role '{role}' may not do this.")
            .ExecuteAsync(Context);
    }

    private async Task<AuthenticateResult> AuthenticateOperatorAsync()
    {
        var workspaceId = defaultWorkspace.Id;
        if (Request.Headers.TryGetValue(WorkspaceHeader, out var named))
        {
            if (!Guid.TryParse(named, out workspaceId) ||
                !await database.Workspaces.AnyAsync(w => w.Id == workspaceId, Context.RequestAborted))
            {
                // Authenticated, but the named workspace does not exist: the API group answers 404.
                Context.Items[UnknownWorkspaceItem] = named.ToString();
                workspaceId = Guid.Empty;
            }
        }

        return Success(workspaceId, Roles.Admin, "operator", isOperator: true);
    }

    private string? ReadPresentedKey()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        }

        return Request.Headers.TryGetValue("X-Api-Key", out var header) && header.ToString().Trim() is { Length: > 0 } key ? key : null;
    }

    private AuthenticateResult Success(Guid workspaceId, string role, string keyId, bool isOperator)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(AccessClaims.Workspace, workspaceId.ToString()),
                new Claim(ClaimTypes.Role, role),
                new Claim(AccessClaims.KeyId, keyId),
                new Claim(AccessClaims.Operator, isOperator ? "true" : "false"),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
