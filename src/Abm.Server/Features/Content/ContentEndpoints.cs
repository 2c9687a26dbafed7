using Abm.Server.Features.Access;

namespace Abm.Server.Features.Content;

internal static class ContentEndpoints
{
    public static IServiceCollection AddContentLibrary(this IServiceCollection services) => services.AddScoped<ContentPerformanceUpdater>().AddScoped<ContentQuery>().AddScoped<ContentEditor>();

    public static RouteGroupBuilder MapContentEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Content library");
        group.MapGet("/", ContentHandlers.ListAsync).WithName("ListContent")
            .WithSummary("The library with each item's performance: search (title or topic), type, sort (title, type, engagement, conversion, completion, meetings, contacts, updated), order, limit, offset.");
        group.MapGet("/{id:guid}", ContentHandlers.GetAsync).WithName("GetContent");
        group.MapPost("/", ContentHandlers.CreateAsync).WithName("CreateContent").RequireAuthorization(AccessPolicies.Marketing);
        group.MapPut("/{id:guid}", ContentHandlers.ReplaceAsync).WithName("ReplaceContent").RequireAuthorization(AccessPolicies.Marketing);
        group.MapDelete("/{id:guid}", ContentHandlers.ArchiveAsync).WithName("ArchiveContent").RequireAuthorization(AccessPolicies.Marketing);
        return group;
    }
}
