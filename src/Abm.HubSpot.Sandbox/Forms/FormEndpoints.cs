using Abm.HubSpot.Sandbox.Auth;

namespace Abm.HubSpot.Sandbox.Forms;

/// <summary>
/// Routes of the marketing forms API (v3) and the form submissions API (form-integrations v1), both needing the
/// <c>forms</c> scope, and the admin route that records a submission as a visitor would send it.
/// </summary>
internal static class FormEndpoints
{
    public static IEndpointRouteBuilder MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/marketing/v3/forms", FormHandlers.List).RequiresScope(KnownScopes.Forms);
        app.MapGet("/marketing/v3/forms/{formId}", FormHandlers.Get).RequiresScope(KnownScopes.Forms);
        app.MapGet("/form-integrations/v1/submissions/forms/{formGuid}", FormSubmissionHandlers.List).RequiresScope(KnownScopes.Forms);
        app.MapPost("/_sandbox/portals/{portalId:long}/forms/{formId}/submissions", FormSubmissionHandlers.AddAsync);
        return app;
    }
}
