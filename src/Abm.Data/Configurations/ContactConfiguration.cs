using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    private const string LiveOnly = "archived_at IS NULL";

    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.BelongsToWorkspace();
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.HubSpotId).HasMaxLength(50);
        builder.Property(c => c.Email).HasMaxLength(255);
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.JobTitle).HasMaxLength(255);
        builder.Property(c => c.OwnerHubSpotId).HasMaxLength(50);
        builder.Property(c => c.LifecycleStage).HasMaxLength(50);
        builder.Property(c => c.BuyingRole).HasMaxLength(50);
        builder.Property(c => c.JourneyStage).HasMaxLength(50);
        builder.Property(c => c.JourneyStageOverride).HasMaxLength(50);
        builder.Property(c => c.PersonaType).HasMaxLength(50);
        builder.Property(c => c.PreferredContentFormat).HasMaxLength(50);
        builder.Property(c => c.OriginalSource).HasMaxLength(100);
        builder.Property(c => c.Properties).IsJsonDocument();
        builder.HasIndex(c => new { c.WorkspaceId, c.HubSpotId }).IsUnique().HasDatabaseName("idx_contacts_hubspot_id");
        builder.HasIndex(c => new { c.WorkspaceId, c.JourneyStage }).HasDatabaseName("idx_contacts_journey_stage");
        builder.HasIndex(c => new { c.WorkspaceId, c.Email });
        builder.HasIndex(c => new { c.WorkspaceId, c.HubSpotCreatedAt });
        // The contact list pages by score, by name, within a persona or within an account without sorting the whole
        // workspace. Only live contacts are listed, so the indexes hold only them: counting a workspace's contacts then
        // reads an index alone. The (workspace, company, name) one is what SQLite, which keeps no statistics, needs to
        // prefer the account's few contacts over walking every name in order.
        builder.HasIndex(c => new { c.WorkspaceId, c.EngagementScore }).HasDatabaseName("idx_contacts_score").HasFilter(LiveOnly);
        builder.HasIndex(c => new { c.WorkspaceId, c.LastName, c.FirstName }).HasDatabaseName("idx_contacts_name").HasFilter(LiveOnly);
        builder.HasIndex(c => new { c.WorkspaceId, c.PersonaType }).HasDatabaseName("idx_contacts_persona").HasFilter(LiveOnly);
        builder.HasIndex(c => new { c.WorkspaceId, c.CompanyId, c.LastName, c.FirstName }).HasDatabaseName("idx_contacts_company").HasFilter(LiveOnly);
        builder.HasIndex(c => c.CompanyId);
    }
}
