using System.Net;
using System.Security.Claims;
using Abm.Data;
using Abm.HubSpot;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;

namespace Abm.Server.Features.Privacy;

/// <summary>What became of the contact in HubSpot: <c>deleted</c>, <c>not_found</c> (HubSpot had no such contact) or <c>failed</c> (with why).</summary>
internal sealed record HubSpotDeletion(string Status, string? Error);

/// <summary>
/// Deletes an erased contact in HubSpot too, through HubSpot's GDPR delete (permanent: no recycle bin). It runs
/// after the local erasure is committed, so a HubSpot failure never undoes or blocks it; erasing again (by HubSpot
/// id or email once the local row is gone) retries the HubSpot part. Each attempt is audited with its outcome.
/// </summary>
internal sealed class HubSpotErasure(HubSpotClients clients, AuditTrail audit, AbmDbContext database)
{
    public async Task<HubSpotDeletion> DeleteAsync(Guid workspaceId, ErasureReport report, ContactReference reference, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await CallAsync(workspaceId, report.HubSpotId, reference.Email, cancellationToken);
        audit.Record(workspaceId, user, "contact.erased_in_hubspot", "contact", report.ContactId.ToString(), new { outcome.Status, outcome.Error });
        await database.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private async Task<HubSpotDeletion> CallAsync(Guid workspaceId, string? hubSpotId, string? email, CancellationToken cancellationToken)
    {
        if (hubSpotId is null && email is null)
        {
            return new HubSpotDeletion("failed", "The contact was erased here before and its HubSpot id is not kept; erase again by its HubSpot id or email to delete it in HubSpot.");
        }

        if (await clients.GetAsync(workspaceId, cancellationToken) is not { } client)
        {
            return new HubSpotDeletion("failed", "The workspace has no usable HubSpot connection.");
        }

        try
        {
            // By record id when known; by email (idProperty "email") when the request named only the address.
            await client.Crm.GdprDeleteContactAsync(hubSpotId ?? email!, hubSpotId is null ? "email" : null, cancellationToken);
            return new HubSpotDeletion("deleted", null);
        }
        catch (HubSpotApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return new HubSpotDeletion("not_found", "HubSpot has no such contact (deleted there already, or never synced).");
        }
        catch (HubSpotApiException error) when (!cancellationToken.IsCancellationRequested)
        {
            return new HubSpotDeletion("failed", error.Message);
        }
    }
}
