using Abm.Server.Features.Access;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Nurture.Execution;

namespace Abm.Server.Features.Nurture;

/// <summary>
/// Nurture under /api/nurture: sequence documents, versions, templates, the schema and dry runs, enrolments; and
/// a contact's enrolments and action timeline at /api/contacts/{id}/nurture.
/// </summary>
internal static class NurtureEndpoints
{
    public static IServiceCollection AddNurture(this IServiceCollection services) =>
        services.AddScoped<SequenceDocuments>().AddScoped<SequenceStore>().AddSingleton<SequenceDefinitions>().AddScoped<EnrollmentService>().AddScoped<NurtureTriggers>().AddScoped<ListJoinPull>().AddNurtureExecution();

    public static RouteGroupBuilder MapNurtureEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/contacts/{id:guid}/nurture", EnrollmentHandlers.ContactAsync).WithTags("Nurture").WithName("GetContactNurture");
        var group = api.MapGroup("/nurture").WithTags("Nurture");
        group.MapGet("/schema", NurtureToolHandlers.Schema).WithName("GetNurtureSequenceSchema").Produces(StatusCodes.Status200OK, contentType: "application/schema+json");
        group.MapGet("/templates", NurtureToolHandlers.Templates).WithName("ListNurtureTemplates");
        group.MapPost("/templates/{key}", NurtureToolHandlers.InstantiateAsync).WithName("InstantiateNurtureTemplate").RequireAuthorization(AccessPolicies.Marketing);

        var sequences = group.MapGroup("/sequences");
        sequences.MapGet("/", SequenceHandlers.ListAsync).WithName("ListNurtureSequences");
        sequences.MapPost("/", SequenceHandlers.CreateAsync).WithName("CreateNurtureSequence").Accepts<System.Text.Json.JsonElement>(SequenceDocumentBody.MediaTypes[0], SequenceDocumentBody.MediaTypes[1..]).RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapPost("/validate", SequenceHandlers.ValidateAsync).WithName("ValidateNurtureSequence").Accepts<System.Text.Json.JsonElement>(SequenceDocumentBody.MediaTypes[0], SequenceDocumentBody.MediaTypes[1..]);
        sequences.MapGet("/{id:guid}", SequenceHandlers.GetAsync).WithName("GetNurtureSequence");
        sequences.MapPut("/{id:guid}", SequenceHandlers.ReplaceAsync).WithName("ReplaceNurtureSequence").Accepts<System.Text.Json.JsonElement>(SequenceDocumentBody.MediaTypes[0], SequenceDocumentBody.MediaTypes[1..]).RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapDelete("/{id:guid}", SequenceHandlers.DeleteAsync).WithName("DeleteNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapPost("/{id:guid}/activate", SequenceHandlers.ActivateAsync).WithName("ActivateNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapPost("/{id:guid}/pause", SequenceHandlers.PauseAsync).WithName("PauseNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapGet("/{id:guid}/versions", SequenceHandlers.VersionsAsync).WithName("ListNurtureSequenceVersions");
        sequences.MapPost("/{id:guid}/migrate", SequenceMigration.MigrateAsync).WithName("MigrateNurtureEnrollments").RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapPost("/{id:guid}/dry-run", NurtureToolHandlers.DryRunAsync).WithName("DryRunNurtureSequence");
        sequences.MapGet("/{id:guid}/stats", SequenceStats.GetAsync).WithName("GetNurtureSequenceStats");

        group.MapGet("/guardrails", GuardrailHandlers.GetAsync).WithName("GetNurtureGuardrails");
        group.MapPut("/guardrails", GuardrailHandlers.PutAsync).WithName("SetNurtureGuardrails").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/settings", NurtureSettingsHandlers.GetAsync).WithName("GetNurtureSettings");
        group.MapPut("/settings", NurtureSettingsHandlers.PutAsync).WithName("SetNurtureSettings").RequireAuthorization(AccessPolicies.Admin);

        var enrollments = group.MapGroup("/enrollments");
        enrollments.MapGet("/", EnrollmentHandlers.ListAsync).WithName("ListNurtureEnrollments");
        enrollments.MapPost("/", EnrollmentHandlers.EnrollAsync).WithName("EnrollInNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        enrollments.MapDelete("/{id:guid}", EnrollmentHandlers.UnenrollAsync).WithName("UnenrollFromNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        return api;
    }
}
