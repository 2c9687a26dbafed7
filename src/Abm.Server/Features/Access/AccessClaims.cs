using System.Security.Claims;

namespace Abm.Server.Features.Access;

/// <summary>The claims an authenticated API request (or dashboard session) carries, and typed reads of them.</summary>
internal static class AccessClaims
{
    public const string Scheme = "ApiKey";

    /// <summary>The default scheme: API keys on /api, the dashboard's cookie elsewhere.</summary>
    public const string ByPathScheme = "ByPath";
    public const string Workspace = "abm:workspace";
    public const string KeyId = "abm:key";
    public const string Operator = "abm:operator";

    public static Guid WorkspaceId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(Workspace) ?? throw new InvalidOperationException("Request has no workspace claim."));

    public static bool IsOperator(this ClaimsPrincipal user) => user.HasClaim(Operator, "true");

    /// <summary>"operator", the API key id or "user:{id}": what the audit log and rate limiter know a caller by.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(KeyId) ?? "anonymous";
}
