using Abm.HubSpot.Sandbox.Auth;

namespace Abm.HubSpot.Sandbox.Email;

/// <summary>Routes of the transactional email, email events and subscription status APIs.</summary>
internal static class EmailEndpoints
{
    public static IEndpointRouteBuilder MapEmailEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/marketing/v3/transactional/single-email/send", TransactionalEmailHandlers.SendAsync).RequiresScope(KnownScopes.TransactionalEmail);
        app.MapGet("/marketing/v3/email/send-statuses/{statusId}", TransactionalEmailHandlers.Status).RequiresScope(KnownScopes.TransactionalEmail);
        app.MapGet("/email/public/v1/events", EmailEventHandlers.List).RequiresScope(KnownScopes.Content);
        app.MapGet("/communication-preferences/v3/status/email/{emailAddress}", SubscriptionStatusHandlers.Get).RequiresScope(KnownScopes.CommunicationPreferencesRead);
        return app;
    }
}
