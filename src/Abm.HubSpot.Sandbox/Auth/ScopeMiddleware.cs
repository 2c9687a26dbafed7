using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Auth;

/// <summary>Answers 403 MISSING_SCOPES, with HubSpot's body, when the caller lacks the endpoint's scope.</summary>
internal sealed class ScopeMiddleware(RequestDelegate next)
{
    private const string ScopesLink = "https://developers.hubspot.com/scopes";

    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<PortalApiMetadata>();
        var scope = metadata?.RequiredScope(context);
        if (scope is null || Caller.Of(context).Scopes.Contains(scope))
        {
            await next(context);
            return;
        }

        var error = new HubSpotError(
            StatusCodes.Status403Forbidden,
            "MISSING_SCOPES",
            $"This app hasn't been granted all required scopes to make this call. Read more about required scopes here: {ScopesLink}.",
            [new HubSpotErrorDetail("One or more of the following scopes are required.", Context: new Dictionary<string, IReadOnlyList<string>> { ["requiredGranularScopes"] = [scope] })],
            Links: new Dictionary<string, string> { ["scopes"] = ScopesLink });
        await error.ExecuteAsync(context);
    }
}
