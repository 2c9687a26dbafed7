using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Auth;

internal enum CallerKind
{
    PrivateApp,
    OAuth,
}

/// <summary>Who is calling a portal API: the portal its token belongs to, the kind of app and its scopes.</summary>
internal sealed record Caller(Portal Portal, CallerKind Kind, IReadOnlySet<string> Scopes)
{
    public static Caller Of(HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("The endpoint is not marked as a portal API.");
}
