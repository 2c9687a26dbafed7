using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class SalesTaskConfiguration : IEntityTypeConfiguration<SalesTask>
{
    public void Configure(EntityTypeBuilder<SalesTask> builder)
    {
        builder.ToTable("sales_tasks");
        builder.BelongsToWorkspace();
        builder.HasOne<Contact>().WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(t => t.HubSpotTaskId).HasMaxLength(50);
        builder.Property(t => t.Subject).HasMaxLength(255);
        builder.Property(t => t.Priority).HasMaxLength(10);
        builder.Property(t => t.TaskType).HasMaxLength(10);
        builder.Property(t => t.Status).HasMaxLength(20);
        builder.Property(t => t.OwnerHubSpotId).HasMaxLength(50);
        builder.HasIndex(t => t.ContactId);
        builder.HasIndex(t => new { t.WorkspaceId, t.Status, t.DueAt });
    }
}
