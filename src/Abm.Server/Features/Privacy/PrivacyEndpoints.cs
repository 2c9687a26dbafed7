using System.Security.Claims;
using Abm.Data;
using Abm.Server.Configuration;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Privacy;

/// <summary>
/// Admins' answers to a person's privacy requests, the contact named by local id, HubSpot id or email:
/// <c>GET /api/contacts/{id}/export</c> (everything held, as JSON or a ZIP of CSVs) and
/// <c>POST /api/contacts/{id}/erase</c> (erased here, and in HubSpot with <c>?hubspot=true</c>).
/// </summary>
internal static class PrivacyEndpoints
{
    private static readonly Dictionary<string, bool> Flags = new(StringComparer.OrdinalIgnoreCase) { ["true"] = true, ["false"] = false };
    private static readonly Dictionary<string, bool> Formats = new(StringComparer.OrdinalIgnoreCase) { ["json"] = false, ["zip"] = true };

    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateSettings();
        services.AddHostedService<RetentionWorker>();
        return services.AddScoped<ErasedContacts>().AddScoped<ContactErasure>().AddScoped<HubSpotErasure>().AddScoped<ContactExport>()
            .AddScoped<ContactConsent>().AddScoped<ProfilingConsent>().AddScoped<DataRetention>();
    }

    public static RouteGroupBuilder MapPrivacyEndpoints(this RouteGroupBuilder contacts)
    {
        contacts.MapPost("/{id}/erase", EraseAsync).WithName("EraseContact").WithTags("Privacy").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Erases the contact (local id, HubSpot id or email) and everything held about it from the local copy; leaves a tombstone so sync and webhooks do not bring it back. hubspot=true also deletes it in HubSpot (GDPR delete).");
        contacts.MapGet("/{id}/export", ExportAsync).WithName("ExportContact").WithTags("Privacy").RequireAuthorization(AccessPolicies.Admin)
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: "application/zip")
            .WithSummary("Everything held about the contact (local id, HubSpot id or email), table by table: format=json (default) or zip (one CSV per table). Streamed.");
        return contacts.MapConsentEndpoints();
    }

    private static async Task<Results<Ok<ErasureReport>, ValidationProblem, ProblemHttpResult>> EraseAsync(
        string id, string? hubspot, ClaimsPrincipal user, ContactErasure erasure, HubSpotErasure inHubSpot, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var reference = Read(reader, id);
        var alsoHubSpot = reader.Choice("hubspot", hubspot, Flags, false);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        if (await erasure.EraseAsync(reference!, ErasureRequester.Of(user), cancellationToken) is not { } report)
        {
            return NotFound(reference!);
        }

        return TypedResults.Ok(alsoHubSpot ? report with { HubSpot = await inHubSpot.DeleteAsync(user.WorkspaceId(), report, reference!, user, cancellationToken) } : report);
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string id, string? format, HttpContext http, ClaimsPrincipal user, AbmDbContext database, ContactExport export, AuditTrail audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var reference = Read(reader, id);
        var zip = reader.Choice("format", format, Formats, false);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        if (await reference!.Find(database.Contacts.AsNoTracking()).FirstOrDefaultAsync(cancellationToken) is not { } contact)
        {
            return NotFound(reference);
        }

        // Audited before the first byte: an export cut short by the client has still handed data out.
        audit.Record(contact.WorkspaceId, user, "contact.exported", "contact", contact.Id.ToString(), new { format = zip ? "zip" : "json" });
        await database.SaveChangesAsync(cancellationToken);
        var response = http.Response;
        response.ContentType = zip ? "application/zip" : "application/json; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"contact-{contact.Id}.{(zip ? "zip" : "json")}\"";
        await using (IExportSink sink = zip
            ? ZipCsvExportSink.Start(response.Body)
            : JsonExportSink.Start(response.Body, contact.Id, clock.GetUtcNow().UtcDateTime))
        {
            await export.WriteAsync(contact, sink, cancellationToken);
        }

        return TypedResults.Empty;
    }

    internal static ContactReference? Read(QueryReader reader, string id)
    {
        var reference = ContactReference.Parse(id);
        if (reference is null)
        {
            reader.Fail("id", ContactReference.Help);
        }

        return reference;
    }

    internal static ProblemHttpResult NotFound(ContactReference reference) =>
        ApiProblems.NotFound("Contact not found", $"No contact '{reference}' in this workspace, and none erased under it.");
}
