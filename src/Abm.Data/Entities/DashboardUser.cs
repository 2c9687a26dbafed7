using Microsoft.AspNetCore.Identity;

namespace Abm.Data.Entities;

/// <summary>
/// A person who signs in to the dashboard: an ASP.NET Core Identity user (email as user name, hashed password,
/// lockout, security stamp) that belongs to one workspace with one role, the same roles API keys have.
/// </summary>
public sealed class DashboardUser : IdentityUser<Guid>
{
    public Guid WorkspaceId { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }
}
