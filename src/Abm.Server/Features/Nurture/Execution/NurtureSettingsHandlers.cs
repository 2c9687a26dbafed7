using System.Security.Claims;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>The workspace's own transactional email id; null falls back to the server's.</summary>
internal sealed record NurtureSettingsRequest(long? TransactionalEmailId);

/// <summary>What is set, and what sends use: <c>source</c> is <c>workspace</c>, <c>server</c> or <c>unset</c>.</summary>
internal sealed record NurtureSettingsResponse(long? TransactionalEmailId, long EffectiveTransactionalEmailId, string Source);

/// <summary>A workspace's nurture settings: read by anyone, changed by an admin.</summary>
internal static class NurtureSettingsHandlers
{
    public static async Task<Ok<NurtureSettingsResponse>> GetAsync(ClaimsPrincipal user, TransactionalEmailSetting emails, CancellationToken cancellationToken) =>
        TypedResults.Ok(Describe(await emails.WorkspaceEmailIdAsync(user.WorkspaceId(), cancellationToken), emails.ServerEmailId));

    public static async Task<Results<Ok<NurtureSettingsResponse>, ValidationProblem>> PutAsync(
        NurtureSettingsRequest request, ClaimsPrincipal user, TransactionalEmailSetting emails, AuditTrail audit, Abm.Data.AbmDbContext database,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.TransactionalEmailId is <= 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["transactionalEmailId"] = ["must be a HubSpot email id (a positive number), or null to use the server's setting."],
            });
        }

        await emails.SaveAsync(user.WorkspaceId(), request.TransactionalEmailId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        audit.Record(user.WorkspaceId(), user, "nurture.settings.changed", "workspace", user.WorkspaceId().ToString(), request);
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Describe(request.TransactionalEmailId, emails.ServerEmailId));
    }

    private static NurtureSettingsResponse Describe(long? workspace, long server) => workspace is { } own
        ? new(own, own, "workspace")
        : new(null, server, server == 0 ? "unset" : "server");
}
