namespace Abm.Data.Entities;

public sealed class Owner : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string HubSpotId { get; set; }
    public string? UserId { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool Archived { get; set; }
    public DateTime UpdatedAt { get; set; }
}
