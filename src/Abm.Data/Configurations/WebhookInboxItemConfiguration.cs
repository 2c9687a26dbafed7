using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class WebhookInboxItemConfiguration : IEntityTypeConfiguration<WebhookInboxItem>
{
    public void Configure(EntityTypeBuilder<WebhookInboxItem> builder)
    {
        builder.ToTable("webhook_inbox");
        builder.HasOne<Workspace>().WithMany().HasForeignKey(i => i.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Payload).IsJsonDocument();
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.HasIndex(i => i.NextAttemptAt).HasFilter("status IN ('pending', 'processing')").HasDatabaseName("idx_webhook_inbox_due");
        builder.HasIndex(i => i.WorkspaceId);
    }
}
