using System.Runtime.CompilerServices;
using Abm.HubSpot;
using Abm.Server.Features.Connections;

namespace Abm.Server.Features.Provisioning;

/// <summary>
/// Makes sure a connected portal has the abm_* properties before anything is written to them: on connecting,
/// and before the first write-back through each client (so the environment's HUBSPOT_API_KEY portal is
/// covered too). Provisioning is idempotent; it runs once per client, and a failed attempt (missing schema
/// scopes, HubSpot down) is logged and tried again after a quarter of an hour rather than on every pass.
/// </summary>
internal sealed partial class PortalProvisioning(TimeProvider clock, ILogger<PortalProvisioning> logger)
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(15);

    // Keyed by client: a changed connection builds a new client, which is provisioned again.
    private readonly ConditionalWeakTable<HubSpotClient, StrongBox<DateTimeOffset>> _nextAttempt = [];

    /// <summary>Right after a workspace connected a portal: provisions it through the workspace's new client.</summary>
    public async Task EnsureConnectedAsync(HubSpotClients clients, Guid workspaceId, CancellationToken cancellationToken)
    {
        if (await clients.GetAsync(workspaceId, cancellationToken) is { } client)
        {
            await EnsureAsync(workspaceId, client, cancellationToken);
        }
    }

    public async Task EnsureAsync(Guid workspaceId, HubSpotClient client, CancellationToken cancellationToken)
    {
        var next = _nextAttempt.GetValue(client, _ => new StrongBox<DateTimeOffset>(DateTimeOffset.MinValue));
        if (clock.GetUtcNow() < next.Value)
        {
            return;
        }

        try
        {
            var report = await PropertyProvisioner.ProvisionAsync(client, cancellationToken);
            next.Value = DateTimeOffset.MaxValue;
            if (report.Contacts.Created.Count + report.Companies.Created.Count > 0)
            {
                LogCreated(workspaceId, report.Contacts.Created.Count + report.Companies.Created.Count);
            }
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            next.Value = clock.GetUtcNow() + RetryAfterFailure;
            LogFailed(workspaceId, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Count} missing abm_* / ai_* properties in the HubSpot portal of workspace {WorkspaceId}")]
    private partial void LogCreated(Guid workspaceId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not provision the abm_* properties in the HubSpot portal of workspace {WorkspaceId} ({Reason}); write-back to them will fail until they exist (POST /api/hubspot/properties/provision)")]
    private partial void LogFailed(Guid workspaceId, string reason);
}
