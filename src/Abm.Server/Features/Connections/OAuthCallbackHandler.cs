using System.Globalization;
using Abm.HubSpot;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Provisioning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Connections;

/// <summary>
/// Finishes an OAuth install: checks the signed state, exchanges the code, reads the portal id from the
/// token's info and stores the tokens encrypted. The portal is the one the user picked on HubSpot's page.
/// </summary>
internal static partial class OAuthCallbackHandler
{
    public static async Task<Results<Ok<ConnectionResponse>, ProblemHttpResult>> HandleAsync(
        string? code, string? state, string? error, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "error_description")] string? errorDescription,
        HubSpotClients clients, OAuthState states, ConnectionStore store, AuditTrail audit, PortalProvisioning provisioning, ILogger<OAuthState> logger,
        CancellationToken cancellationToken)
    {
        if (states.Verify(state) is not { } verified)
        {
            return Refused("Invalid state", "The state is missing, altered or expired; start the connection again from ABM Engine.");
        }

        var (workspaceId, actor) = verified;

        if (error is not null)
        {
            return Refused("HubSpot did not grant access", $"HubSpot answered '{error}': {errorDescription ?? "no description"}.");
        }

        if (string.IsNullOrWhiteSpace(code) || clients.OAuthClient() is not { } oauth || !clients.App.CanInstall)
        {
            return Refused("Missing code", "The callback carries no authorization code, or OAuth is not configured on this server.");
        }

        try
        {
            var tokens = await oauth.ExchangeCodeAsync(code, clients.App.RedirectUri, cancellationToken);
            var info = await oauth.GetTokenInfoAsync(tokens.AccessToken, cancellationToken);
            var connection = await store.SaveOAuthAsync(workspaceId, info.HubId.ToString(CultureInfo.InvariantCulture), tokens, info.Scopes, cancellationToken);
            clients.Forget(workspaceId);
            audit.Record(workspaceId, actor, "hubspot.connected", "connection", connection.Id.ToString(), new { connection.PortalId, connection.AuthKind, info.HubDomain });
            await store.SaveAuditAsync(cancellationToken);
            LogConnected(logger, workspaceId, connection.PortalId);
            await provisioning.EnsureConnectedAsync(clients, workspaceId, cancellationToken);
            return TypedResults.Ok(await ConnectionHandlers.DescribeAsync(workspaceId, clients, store, cancellationToken));
        }
        catch (HubSpotAuthenticationException refused)
        {
            return Refused("HubSpot refused the code", refused.Message);
        }
        catch (PortalTakenException taken)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Portal already connected", detail: taken.Message);
        }
    }

    private static ProblemHttpResult Refused(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace {WorkspaceId} connected to HubSpot portal {PortalId} through OAuth")]
    private static partial void LogConnected(ILogger logger, Guid workspaceId, string portalId);
}
