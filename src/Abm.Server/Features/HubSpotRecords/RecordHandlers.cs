using System.Security.Claims;
using Abm.Data;
using Abm.HubSpot;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// Get, create, update and archive of one contact, company or deal in the workspace's portal. The request is checked
/// in full (its shape, then against the portal's property definitions and pipelines) before anything is sent, so a
/// bad write costs no HubSpot call beyond the cached definitions.
/// </summary>
internal sealed class RecordHandlers(
    HubSpotClients clients, RecordPortalChecks checks, HubSpotRecordWriter writer, PortalCatalogs catalogs, AuditTrail audit, AbmDbContext database)
{
    public async Task<IResult> GetAsync(CrmRecordKind kind, string id, string? properties, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckId(id, errors);
        var extra = (properties ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (extra.Length > RecordRequestShape.MaxProperties)
        {
            errors["properties"] = [$"At most {RecordRequestShape.MaxProperties} properties."];
        }

        return await WithClientAsync(user, errors, async client =>
        {
            if (extra.Length > 0)
            {
                var known = await catalogs.PropertiesAsync(user.WorkspaceId(), client, kind.ObjectType, cancellationToken);
                if (extra.FirstOrDefault(p => !known.ContainsKey(p)) is { } unknown)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["properties"] = [$"{unknown} is not a property of {kind.ObjectType} in this portal."] });
                }
            }

            var read = kind.SyncedRead with { Properties = [.. kind.SyncedRead.Properties!.Union(extra, StringComparer.Ordinal)] };
            if (await client.Crm.GetAsync(kind.ObjectType, id, read, cancellationToken: cancellationToken) is not { } record)
            {
                return Errors.ApiProblems.NotFound($"{kind.Title} not found", $"HubSpot has no active {kind.Singular} {id} in this workspace's portal.");
            }

            var (localId, syncedAt) = await writer.LocalOfAsync(kind, id, cancellationToken);
            return TypedResults.Ok(HubSpotRecordResponse.From(record, localId, syncedAt));
        });
    }

    public async Task<IResult> CreateAsync(CrmRecordKind kind, RecordWriteRequest? request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (properties, associations) = RecordRequestShape.Read(kind, request, isCreate: true, errors);
        return await WithClientAsync(user, errors, async client =>
        {
            await checks.CheckAsync(user.WorkspaceId(), client, kind, properties, null, errors, cancellationToken);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var written = await writer.CreateAsync(client, kind, properties, kind.AssociationInputs(associations), cancellationToken);
            await AuditAsync(user, kind, "created", written.Record.Id, properties, cancellationToken);
            return TypedResults.Created($"/api/hubspot/{kind.ObjectType}/{written.Record.Id}", written);
        });
    }

    public async Task<IResult> UpdateAsync(CrmRecordKind kind, string id, RecordWriteRequest? request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckId(id, errors);
        var (properties, _) = RecordRequestShape.Read(kind, request, isCreate: false, errors);
        return await WithClientAsync(user, errors, async client =>
        {
            var currentPipeline = kind == CrmRecordKind.Deals
                ? await database.Deals.Where(d => d.HubSpotId == id).Select(d => d.Pipeline).FirstOrDefaultAsync(cancellationToken)
                : null;
            await checks.CheckAsync(user.WorkspaceId(), client, kind, properties, currentPipeline, errors, cancellationToken);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var written = await writer.UpdateAsync(client, kind, id, properties, cancellationToken);
            await AuditAsync(user, kind, "updated", id, properties, cancellationToken);
            return TypedResults.Ok(written);
        });
    }

    public async Task<IResult> ArchiveAsync(CrmRecordKind kind, string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckId(id, errors);
        return await WithClientAsync(user, errors, async client =>
        {
            await writer.ArchiveAsync(client, kind, id, cancellationToken);
            await AuditAsync(user, kind, "archived", id, null, cancellationToken);
            return TypedResults.NoContent();
        });
    }

    /// <summary>400 for what the request got wrong, 409 without a connection, else the work with HubSpot's failures answered.</summary>
    private async Task<IResult> WithClientAsync(ClaimsPrincipal user, Dictionary<string, string[]> errors, Func<HubSpotClient, Task<IResult>> work)
    {
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await clients.GetAsync(user.WorkspaceId(), CancellationToken.None) is not { } client)
        {
            return HubSpotProblems.NotConnected();
        }

        try
        {
            return await work(client);
        }
        catch (Exception error) when (HubSpotFailure.Is(error))
        {
            return HubSpotProblems.From(error);
        }
    }

    // Which properties were written, never their values: the values are HubSpot's data, kept there with their history.
    private async Task AuditAsync(ClaimsPrincipal user, CrmRecordKind kind, string verb, string hubSpotId, IReadOnlyDictionary<string, string?>? properties, CancellationToken cancellationToken)
    {
        audit.Record(user.WorkspaceId(), user, $"hubspot.{kind.Singular}_{verb}", $"hubspot_{kind.Singular}", hubSpotId,
            properties is null ? null : new { properties = properties.Keys.Order(StringComparer.Ordinal).ToList() });
        await database.SaveChangesAsync(cancellationToken);
    }

    private static void CheckId(string id, Dictionary<string, string[]> errors)
    {
        if (!RecordRequestShape.IsHubSpotId(id))
        {
            errors["id"] = ["The record's HubSpot id (digits)."];
        }
    }
}
