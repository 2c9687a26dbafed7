namespace Abm.Data;

/// <summary>The workspace the current unit of work acts for; null means none (no scoped rows visible).</summary>
public interface ICurrentWorkspace
{
    Guid? WorkspaceId { get; }
}
