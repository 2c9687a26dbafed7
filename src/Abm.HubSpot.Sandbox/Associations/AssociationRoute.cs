using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Associations;

/// <summary>Resolves the <c>{fromType}</c> and <c>{toType}</c> route values of the associations API once per request.</summary>
internal static class AssociationRoute
{
    public static async ValueTask<object?> ResolveAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.RouteValues;
        var fromName = values.GetValueOrDefault("fromType") as string ?? "";
        var toName = values.GetValueOrDefault("toType") as string ?? "";
        if (CrmObjectTypes.Find(fromName) is not { } from)
        {
            return HubSpotErrors.UnknownObjectType(fromName);
        }

        if (CrmObjectTypes.Find(toName) is not { } to)
        {
            return HubSpotErrors.UnknownObjectType(toName);
        }

        context.HttpContext.Items[typeof(AssociationRoute)] = (from, to);
        return await next(context);
    }

    public static (CrmObjectType From, CrmObjectType To) Of(HttpContext context) =>
        context.Items[typeof(AssociationRoute)] is (CrmObjectType from, CrmObjectType to)
            ? (from, to)
            : throw new InvalidOperationException("The association route filter did not run for this endpoint.");
}
