using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class EngagementEventConfiguration : IEntityTypeConfiguration<EngagementEvent>
{
    public void Configure(EntityTypeBuilder<EngagementEvent> builder)
    {
        builder.ToTable("engagement_events");
        builder.BelongsToWorkspace();
        // Leading with (workspace, time) keeps the key compatible with monthly range partitions.
        builder.HasKey(e => new { e.WorkspaceId, e.OccurredAt, e.Id });
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(e => e.ContentId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.EventType).HasMaxLength(50);
        builder.Property(e => e.Source).HasMaxLength(20);
        builder.Property(e => e.ClientEventId).HasMaxLength(100);
        builder.Property(e => e.Metadata).IsJsonDocument();
        builder.HasIndex(e => new { e.ContactId, e.OccurredAt }).HasDatabaseName("idx_engagement_events_contact_timestamp");
        builder.HasIndex(e => new { e.WorkspaceId, e.EventType }).HasDatabaseName("idx_engagement_events_type");
        builder.HasIndex(e => e.ContentId);
        builder.HasIndex(e => new { e.WorkspaceId, e.ClientEventId }).IsUnique().HasFilter("client_event_id IS NOT NULL");
    }
}
