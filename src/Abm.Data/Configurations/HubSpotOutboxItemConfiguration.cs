using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class HubSpotOutboxItemConfiguration : IEntityTypeConfiguration<HubSpotOutboxItem>
{
    public void Configure(EntityTypeBuilder<HubSpotOutboxItem> builder)
    {
        builder.ToTable("hubspot_outbox");
        builder.BelongsToWorkspace();
        builder.Property(o => o.ObjectType).HasMaxLength(30);
        builder.Property(o => o.HubSpotId).HasMaxLength(50);
        builder.Property(o => o.Properties).IsJsonDocument();
        builder.Property(o => o.Status).HasMaxLength(20);
        // One pending row per record: new values merge into it, so a record is written once per batch.
        builder.HasIndex(o => new { o.WorkspaceId, o.ObjectType, o.HubSpotId }).IsUnique()
            .HasFilter("status = 'pending'").HasDatabaseName("idx_hubspot_outbox_pending_record");
        // Every row of a record, newest last: what HubSpot was last sent, and which history can be pruned.
        builder.HasIndex(o => new { o.WorkspaceId, o.ObjectType, o.HubSpotId, o.UpdatedAt }).HasDatabaseName("idx_hubspot_outbox_record");
        builder.HasIndex(o => o.NextAttemptAt).HasFilter("status = 'pending'").HasDatabaseName("idx_hubspot_outbox_due");
    }
}
