using System.Security.Claims;
using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Imports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Leads;

/// <summary>The ideal-client profile: read, replaced as JSON, imported from CSV.</summary>
internal static class IcpHandlers
{
    public static async Task<Ok<IcpProfileResponse>> GetAsync(IcpStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ProfileAsync(cancellationToken));

    public static async Task<Ok<IcpProfileResponse>> ReplaceAsync(
        IcpProfileRequest request, ClaimsPrincipal user, IcpStore store, AbmDbContext database, AuditTrail audit, CancellationToken cancellationToken)
    {
        await store.ReplaceAsync(user.WorkspaceId(), request.Criteria, cancellationToken);
        audit.Record(user.WorkspaceId(), user, "icp.replaced", "icp_profile", null, new { Sets = request.Criteria.Count });
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await store.ProfileAsync(cancellationToken));
    }

    public static Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, IcpImport import, CancellationToken cancellationToken) =>
        ImportEndpoints.ImportAsync(request, file => import.ImportAsync(file, user, cancellationToken), cancellationToken);
}
