using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Properties;

/// <summary>Routes of the properties API: properties and property groups per object type.</summary>
internal static class PropertyEndpoints
{
    public static IEndpointRouteBuilder MapPropertyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/crm/v3/properties/{type}").AddEndpointFilter(ObjectTypeRoute.ResolveAsync);
        group.MapGet("/groups", PropertyGroupHandlers.List).RequiresObjectScope(ObjectAccess.SchemaRead);
        group.MapPost("/groups", PropertyGroupHandlers.CreateAsync).RequiresObjectScope(ObjectAccess.SchemaWrite);
        group.MapGet("/groups/{groupName}", PropertyGroupHandlers.Get).RequiresObjectScope(ObjectAccess.SchemaRead);
        group.MapDelete("/groups/{groupName}", PropertyGroupHandlers.Archive).RequiresObjectScope(ObjectAccess.SchemaWrite);
        group.MapGet("", PropertyHandlers.List).RequiresObjectScope(ObjectAccess.SchemaRead);
        group.MapPost("", PropertyHandlers.CreateAsync).RequiresObjectScope(ObjectAccess.SchemaWrite);
        group.MapPost("/batch/create", PropertyHandlers.BatchCreateAsync).RequiresObjectScope(ObjectAccess.SchemaWrite);
        group.MapPost("/batch/read", PropertyHandlers.BatchReadAsync).RequiresObjectScope(ObjectAccess.SchemaRead);
        group.MapGet("/{propertyName}", PropertyHandlers.Get).RequiresObjectScope(ObjectAccess.SchemaRead);
        group.MapPatch("/{propertyName}", PropertyHandlers.UpdateAsync).RequiresObjectScope(ObjectAccess.SchemaWrite);
        group.MapDelete("/{propertyName}", PropertyHandlers.Archive).RequiresObjectScope(ObjectAccess.SchemaWrite);
        return app;
    }
}
