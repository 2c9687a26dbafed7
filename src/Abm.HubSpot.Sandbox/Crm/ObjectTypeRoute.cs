using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// Resolves the <c>{type}</c> route value once for a whole route group, answering HubSpot's 400 for an
/// unknown type, so handlers can rely on <see cref="Of"/>.
/// </summary>
internal static class ObjectTypeRoute
{
    public static async ValueTask<object?> ResolveAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var name = http.Request.RouteValues.GetValueOrDefault("type") as string ?? "";
        if (CrmObjectTypes.Find(name) is not { } type)
        {
            return HubSpotErrors.UnknownObjectType(name);
        }

        http.Items[typeof(CrmObjectType)] = type;
        return await next(context);
    }

    public static CrmObjectType Of(HttpContext context) =>
        context.Items[typeof(CrmObjectType)] as CrmObjectType
        ?? throw new InvalidOperationException("The object type filter did not run for this endpoint.");
}
