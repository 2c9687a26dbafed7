using Abm.HubSpot.Sandbox.Auth;

namespace Abm.HubSpot.Sandbox.MarketingEmails;

/// <summary>Routes of the marketing emails v3 API (templates) and the marketing single-send v4 API.</summary>
internal static class MarketingEmailEndpoints
{
    public static IEndpointRouteBuilder MapMarketingEmailEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/marketing/v3/emails", MarketingEmailHandlers.List).RequiresScope(KnownScopes.Content);
        app.MapGet("/marketing/v3/emails/{emailId}", MarketingEmailHandlers.Get).RequiresScope(KnownScopes.Content);
        app.MapPost("/marketing/v4/email/single-send", MarketingEmailHandlers.SendAsync).RequiresScope(KnownScopes.MarketingEmail);
        return app;
    }
}
