using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// POST /crm/v3/objects/contacts/gdpr-delete with <c>{"objectId", "idProperty"}</c>: the contact deleted for good
/// (<c>idProperty</c> "email" names it by email; without it <c>objectId</c> is the record id). Answers 204; a
/// contact it cannot find is a 404, and so is any object type but contacts.
/// </summary>
internal static class CrmGdprDeleteHandler
{
    public static async Task<IResult> DeleteAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var type = ObjectTypeRoute.Of(http);
        if (type != CrmObjectTypes.Contacts)
        {
            return HubSpotErrors.NotFound($"GDPR delete is for contacts, not {type.Name}");
        }

        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var objectId = JsonBody.StringOf(body["objectId"]);
        var idProperty = JsonBody.StringOf(body["idProperty"]);
        if (string.IsNullOrEmpty(objectId))
        {
            return HubSpotErrors.Validation("objectId is required");
        }

        if (RecordLookup.CheckIdProperty(type, idProperty) is { } idError)
        {
            return idError;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            if (RecordLookup.Find(context.State, type, objectId, idProperty) is not { } record)
            {
                return HubSpotErrors.NotFound($"Could not find contact {objectId}");
            }

            writer.Purge(context, record);
            return Results.NoContent();
        });
    }
}
