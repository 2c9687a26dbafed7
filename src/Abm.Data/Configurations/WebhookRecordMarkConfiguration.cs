using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class WebhookRecordMarkConfiguration : IEntityTypeConfiguration<WebhookRecordMark>
{
    public void Configure(EntityTypeBuilder<WebhookRecordMark> builder)
    {
        builder.ToTable("webhook_record_marks");
        builder.HasKey(m => new { m.WorkspaceId, m.ObjectType, m.HubSpotId });
        builder.BelongsToWorkspace();
        builder.Property(m => m.ObjectType).HasMaxLength(30);
        builder.Property(m => m.HubSpotId).HasMaxLength(50);
    }
}
