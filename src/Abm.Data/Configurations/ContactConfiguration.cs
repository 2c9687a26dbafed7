using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
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
        builder.Property(c => c.Properties).IsJsonDocument();
        builder.HasIndex(c => new { c.WorkspaceId, c.HubSpotId }).IsUnique().HasDatabaseName("idx_contacts_hubspot_id");
        builder.HasIndex(c => new { c.WorkspaceId, c.JourneyStage }).HasDatabaseName("idx_contacts_journey_stage");
        builder.HasIndex(c => new { c.WorkspaceId, c.Email });
        // The contact list pages by score, by name or within a persona without sorting the whole workspace.
        builder.HasIndex(c => new { c.WorkspaceId, c.EngagementScore }).HasDatabaseName("idx_contacts_score");
        builder.HasIndex(c => new { c.WorkspaceId, c.LastName, c.FirstName }).HasDatabaseName("idx_contacts_name");
        builder.HasIndex(c => new { c.WorkspaceId, c.PersonaType }).HasDatabaseName("idx_contacts_persona");
        builder.HasIndex(c => c.CompanyId);
    }
}
