namespace Abm.Server.Features.Workspaces;

internal static partial class WorkspaceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace {WorkspaceId} ('{WorkspaceName}') was deleted with all its data")]
    public static partial void Deleted(ILogger logger, Guid workspaceId, string workspaceName);
}
