using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Auth;

/// <summary>
/// Marks an endpoint as a HubSpot portal API: it needs a bearer token, counts against the portal's
/// limits and requires the scope computed from the request (object type and verb often decide it).
/// </summary>
internal sealed record PortalApiMetadata(Func<HttpContext, string?> RequiredScope, bool IsSearch = false);

/// <summary>Endpoint conventions that attach <see cref="PortalApiMetadata"/>.</summary>
internal static class PortalApiConventions
{
    public static TBuilder RequiresScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PortalApiMetadata(_ => scope));

    /// <summary>Scope of the object type in the route's <c>{type}</c> (or <c>{fromType}</c>) value.</summary>
    public static TBuilder RequiresObjectScope<TBuilder>(this TBuilder builder, ObjectAccess access, bool isSearch = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PortalApiMetadata(context => ScopeFor(context, access), isSearch));

    private static string? ScopeFor(HttpContext context, ObjectAccess access)
    {
        var routeValue = context.Request.RouteValues.TryGetValue("type", out var value) ? value
            : context.Request.RouteValues.GetValueOrDefault("fromType");
        var type = CrmObjectTypes.Find(routeValue as string ?? "");
        return type is null ? null : access switch
        {
            ObjectAccess.Read => type.ReadScope,
            ObjectAccess.Write => type.WriteScope,
            ObjectAccess.SchemaRead => type.SchemaReadScope,
            _ => type.SchemaWriteScope,
        };
    }
}

internal enum ObjectAccess
{
    Read,
    Write,
    SchemaRead,
    SchemaWrite,
}
