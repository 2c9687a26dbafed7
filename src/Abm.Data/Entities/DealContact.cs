namespace Abm.Data.Entities;

/// <summary>HubSpot's deal-to-contact association, kept so deal stage can feed journey inference.</summary>
public sealed class DealContact : IWorkspaceScoped
{
    public Guid WorkspaceId { get; set; }
    public Guid DealId { get; set; }
    public Guid ContactId { get; set; }
}
