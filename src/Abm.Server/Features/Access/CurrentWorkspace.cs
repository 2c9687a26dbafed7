using Abm.Data;

namespace Abm.Server.Features.Access;

/// <summary>
/// The workspace the current scope acts for: the authenticated caller's on a request, or the one a
/// worker chose with <see cref="Use"/>. The DbContext filters every query by it.
/// </summary>
internal sealed class CurrentWorkspace(IHttpContextAccessor accessor) : ICurrentWorkspace
{
    private Guid? _chosen;

    public Guid? WorkspaceId => _chosen ??
        (accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.WorkspaceId() : null);

    public void Use(Guid workspaceId) => _chosen = workspaceId;
}
