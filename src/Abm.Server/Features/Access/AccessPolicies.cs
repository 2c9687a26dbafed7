namespace Abm.Server.Features.Access;

/// <summary>Authorization policy names used by endpoint groups.</summary>
internal static class AccessPolicies
{
    /// <summary>Any valid key of the workspace.</summary>
    public const string Read = "abm.read";

    /// <summary>Those who feed and shape marketing data: admins and marketers.</summary>
    public const string Marketing = "abm.marketing";

    /// <summary>Those who act on what the engine proposes (approve or skip a recommendation): admins, marketers and sales.</summary>
    public const string Steering = "abm.steering";

    /// <summary>Workspace administrators (and the operator key).</summary>
    public const string Admin = "abm.admin";

    /// <summary>The server-wide operator key from API_SECRET_KEY only: actions across workspaces.</summary>
    public const string Operator = "abm.operator";

    public const string RateLimit = "abm.per-key";
}
