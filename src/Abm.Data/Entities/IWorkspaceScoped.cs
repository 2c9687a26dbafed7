namespace Abm.Data.Entities;

/// <summary>A row that belongs to exactly one workspace; the context filters every query by it.</summary>
public interface IWorkspaceScoped
{
    Guid WorkspaceId { get; set; }
}
