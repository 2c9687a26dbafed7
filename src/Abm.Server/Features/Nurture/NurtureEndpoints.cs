using Abm.Server.Features.Access;

namespace Abm.Server.Features.Nurture;

/// <summary>Nurture sequences under /api/nurture: documents, versions, templates, the schema and dry runs.</summary>
internal static class NurtureEndpoints
{
    public static IServiceCollection AddNurture(this IServiceCollection services) =>
        services.AddScoped<SequenceDocuments>().AddScoped<SequenceStore>();

    public static RouteGroupBuilder MapNurtureEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Nurture");
        group.MapGet("/schema", NurtureToolHandlers.Schema).WithName("GetNurtureSequenceSchema").Produces(StatusCodes.Status200OK, contentType: "application/schema+json");
        group.MapGet("/templates", NurtureToolHandlers.Templates).WithName("ListNurtureTemplates");
        group.MapPost("/templates/{key}", NurtureToolHandlers.InstantiateAsync).WithName("InstantiateNurtureTemplate").RequireAuthorization(AccessPolicies.Marketing);

        var sequences = group.MapGroup("/sequences");
        sequences.MapGet("/", SequenceHandlers.ListAsync).WithName("ListNurtureSequences");
        sequences.MapPost("/", SequenceHandlers.CreateAsync).WithName("CreateNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapPost("/validate", SequenceHandlers.ValidateAsync).WithName("ValidateNurtureSequence");
        sequences.MapGet("/{id:guid}", SequenceHandlers.GetAsync).WithName("GetNurtureSequence");
        sequences.MapPut("/{id:guid}", SequenceHandlers.ReplaceAsync).WithName("ReplaceNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapDelete("/{id:guid}", SequenceHandlers.DeleteAsync).WithName("DeleteNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapPost("/{id:guid}/activate", SequenceHandlers.ActivateAsync).WithName("ActivateNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapPost("/{id:guid}/pause", SequenceHandlers.PauseAsync).WithName("PauseNurtureSequence").RequireAuthorization(AccessPolicies.Marketing);
        sequences.MapGet("/{id:guid}/versions", SequenceHandlers.VersionsAsync).WithName("ListNurtureSequenceVersions");
        sequences.MapPost("/{id:guid}/dry-run", NurtureToolHandlers.DryRunAsync).WithName("DryRunNurtureSequence");
        return group;
    }
}
