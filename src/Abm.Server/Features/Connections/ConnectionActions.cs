using System.Security.Claims;
using Abm.HubSpot;
using Abm.HubSpot.Auth;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Provisioning;
using Microsoft.AspNetCore.WebUtilities;

namespace Abm.Server.Features.Connections;

/// <summary>Why a connection change was refused: the HTTP status the API answers and the words a person reads.</summary>
internal sealed record ConnectionRefusal(int Status, string Title, string Detail);

/// <summary>A connection change's outcome: the connection as it now stands, or why nothing changed.</summary>
internal sealed record ConnectionOutcome(ConnectionResponse? Connection, ConnectionRefusal? Refusal);

/// <summary>
/// Describes, connects and starts OAuth for the caller's workspace: the work behind the connection routes, called as
/// well by the dashboard's sync page.
/// </summary>
internal sealed class ConnectionActions(HubSpotClients clients, ConnectionStore store, AuditTrail audit, PortalProvisioning provisioning, OAuthState states)
{
    public Task<ConnectionResponse> DescribeAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        ConnectionHandlers.DescribeAsync(workspaceId, clients, store, cancellationToken);

    /// <summary>Whether OAuth can be started at all (the app's id, secret and public address are set).</summary>
    public bool CanInstall => clients.App.CanInstall;

    /// <summary>Checks the token against HubSpot, then stores it encrypted; a token HubSpot refuses is never stored.</summary>
    public async Task<ConnectionOutcome> ConnectPrivateAppAsync(ConnectPrivateAppRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        if (clients.UsesEnvironmentConnection(workspaceId))
        {
            return Refused(StatusCodes.Status409Conflict, "Connection set by the environment", "The default workspace uses HUBSPOT_API_KEY; change it there.");
        }

        // One cheap read proves the token works before anything changes.
        using (var probe = clients.Create(HubSpotAuthentication.PrivateApp(request.AccessToken.Trim())))
        {
            try
            {
                await probe.Owners.ListPageAsync(pageSize: 1, cancellationToken: cancellationToken);
            }
            catch (HubSpotAuthenticationException)
            {
                return Refused(StatusCodes.Status400BadRequest, "HubSpot refused the token",
                    "HubSpot answered 401 for this private app token; copy it again from the private app's settings.");
            }
            catch (HubSpotApiException error) when (error.Category == "MISSING_SCOPES")
            {
                return Refused(StatusCodes.Status400BadRequest, "The private app lacks scopes",
                    $"HubSpot refused a read with this token for missing scopes; grant {HubSpotAppSettings.DefaultScopes}.");
            }
            catch (HubSpotApiException error)
            {
                return Refused(StatusCodes.Status502BadGateway, "HubSpot could not check the token",
                    $"The token was not stored because HubSpot did not answer the check: {error.Message}");
            }
        }

        var details = await clients.PrivateAppDetailsAsync(request.AccessToken.Trim(), cancellationToken);
        if (details is not null && details.HubId.ToString(System.Globalization.CultureInfo.InvariantCulture) != request.PortalId)
        {
            return Refused(StatusCodes.Status400BadRequest, "The token is of another portal",
                $"HubSpot says this private app token belongs to portal {details.HubId}, not {request.PortalId}; nothing was stored.");
        }

        try
        {
            var connection = await store.SavePrivateAppAsync(workspaceId, request.PortalId, request.AccessToken.Trim(), details?.Scopes, cancellationToken);
            clients.Forget(workspaceId);
            audit.Record(workspaceId, user, "hubspot.connected", "connection", connection.Id.ToString(), new { connection.PortalId, connection.AuthKind });
            await store.SaveAuditAsync(cancellationToken);
            await provisioning.EnsureConnectedAsync(clients, workspaceId, cancellationToken);
            return new ConnectionOutcome(await DescribeAsync(workspaceId, cancellationToken), null);
        }
        catch (PortalTakenException taken)
        {
            return Refused(StatusCodes.Status409Conflict, "Portal already connected", taken.Message);
        }
    }

    /// <summary>HubSpot's consent URL with a signed state for the caller's workspace; null when OAuth is not configured.</summary>
    public OAuthStartResponse? StartOAuth(ClaimsPrincipal user)
    {
        var app = clients.App;
        if (!app.CanInstall)
        {
            return null;
        }

        var (state, expiresAt) = states.Issue(user.WorkspaceId(), user.Actor());
        var url = QueryHelpers.AddQueryString(app.AuthorizeUrl.ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = app.ClientId,
            ["redirect_uri"] = app.RedirectUri.ToString(),
            ["scope"] = app.Scopes,
            ["state"] = state,
        });
        return new OAuthStartResponse(new Uri(url), expiresAt);
    }

    private static ConnectionOutcome Refused(int status, string title, string detail) => new(null, new ConnectionRefusal(status, title, detail));
}
