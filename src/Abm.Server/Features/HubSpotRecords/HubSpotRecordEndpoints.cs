using System.Security.Claims;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// The portal's contacts, companies and deals (list from the local copy; get, create, update and archive in HubSpot,
/// the local copy updated at once) and its deal pipelines, under /api/hubspot.
/// </summary>
internal static class HubSpotRecordEndpoints
{
    public static IServiceCollection AddHubSpotRecords(this IServiceCollection services) => services
        .AddSingleton<PortalCatalogs>()
        .AddScoped<RecordPortalChecks>()
        .AddScoped<HubSpotRecordWriter>()
        .AddScoped<RecordHandlers>()
        .AddScoped<PipelineHandlers>()
        .AddScoped<ContactRecordList>()
        .AddScoped<CompanyRecordList>()
        .AddScoped<DealRecordList>();

    public static RouteGroupBuilder MapHubSpotRecordEndpoints(this RouteGroupBuilder api)
    {
        var hubspot = api.MapGroup("/hubspot").WithTags("HubSpot records");
        var contacts = MapRecordRoutes(hubspot, CrmRecordKind.Contacts);
        contacts.MapGet("/", ([AsParameters] ContactRecordListParameters query, ContactRecordList list, CancellationToken ct) => list.ListAsync(query, ct))
            .WithName("ListHubSpotContacts").Produces<RecordListResponse>()
            .WithSummary("Contacts of the local copy (no HubSpot call): email, name, company, createdAfter/Before, modifiedAfter/Before; limit 1-1000 (100), offset.");
        var companies = MapRecordRoutes(hubspot, CrmRecordKind.Companies);
        companies.MapGet("/", ([AsParameters] CompanyRecordListParameters query, CompanyRecordList list, CancellationToken ct) => list.ListAsync(query, ct))
            .WithName("ListHubSpotCompanies").Produces<RecordListResponse>()
            .WithSummary("Companies of the local copy (no HubSpot call): name, domain, industry; limit 1-1000 (100), offset.");
        var deals = MapRecordRoutes(hubspot, CrmRecordKind.Deals);
        deals.MapGet("/", ([AsParameters] DealRecordListParameters query, DealRecordList list, CancellationToken ct) => list.ListAsync(query, ct))
            .WithName("ListHubSpotDeals").Produces<RecordListResponse>()
            .WithSummary("Deals of the local copy (no HubSpot call): name, stage, pipeline, minAmount/maxAmount, closeAfter/closeBefore; limit 1-1000 (100), offset.");

        var pipelines = hubspot.MapGroup("/pipelines").WithTags("HubSpot pipelines");
        pipelines.MapGet("/", (ClaimsPrincipal user, PipelineHandlers handlers, CancellationToken ct) => handlers.ListAsync(user, ct))
            .WithName("ListHubSpotPipelines").Produces<PipelineListResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The portal's deal pipelines with their stages (cached up to five minutes; read again when a write or a route names a pipeline or stage the cache lacks).");
        pipelines.MapGet("/{id}/stages", (string id, ClaimsPrincipal user, PipelineHandlers handlers, CancellationToken ct) => handlers.StagesAsync(id, user, ct))
            .WithName("ListHubSpotPipelineStages").Produces<PipelineStagesResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The stages of one deal pipeline, in display order.");
        return api;
    }

    /// <summary>Get, create, update and archive of one kind; reads for any role, writes for the kind's writers.</summary>
    private static RouteGroupBuilder MapRecordRoutes(RouteGroupBuilder hubspot, CrmRecordKind kind)
    {
        var group = hubspot.MapGroup($"/{kind.ObjectType}");
        var name = kind.Title;
        group.MapGet("/{id}", (string id, string? properties, ClaimsPrincipal user, RecordHandlers handlers, CancellationToken ct) => handlers.GetAsync(kind, id, properties, user, ct))
            .WithName($"GetHubSpot{name}").Produces<HubSpotRecordResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary($"The {kind.Singular} as HubSpot has it now (one HubSpot call), with the properties sync reads plus those named in properties (comma-separated).");
        group.MapPost("/", (RecordWriteRequest? request, ClaimsPrincipal user, RecordHandlers handlers, CancellationToken ct) => handlers.CreateAsync(kind, request, user, ct))
            .RequireAuthorization(kind.WritePolicy)
            .WithName($"CreateHubSpot{name}").Produces<RecordWriteResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary($"Creates a {kind.Singular} in HubSpot (with associations by HubSpot id) after checking it against the portal's properties; the local copy has it at once.");
        group.MapPatch("/{id}", (string id, RecordWriteRequest? request, ClaimsPrincipal user, RecordHandlers handlers, CancellationToken ct) => handlers.UpdateAsync(kind, id, request, user, ct))
            .RequireAuthorization(kind.WritePolicy)
            .WithName($"UpdateHubSpot{name}").Produces<RecordWriteResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary($"Changes properties of a {kind.Singular} in HubSpot after checking them; the local copy follows at once.");
        group.MapDelete("/{id}", (string id, ClaimsPrincipal user, RecordHandlers handlers, CancellationToken ct) => handlers.ArchiveAsync(kind, id, user, ct))
            .RequireAuthorization(kind.WritePolicy)
            .WithName($"ArchiveHubSpot{name}").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary($"Archives a {kind.Singular} in HubSpot (its recycle bin, restorable for 90 days) and in the local copy.");
        return group;
    }
}
