using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class WebhookReplayConfiguration : IEntityTypeConfiguration<WebhookReplay>
{
    public void Configure(EntityTypeBuilder<WebhookReplay> builder)
    {
        builder.ToTable("webhook_replays");
        builder.HasKey(r => r.SignatureHash);
        builder.HasIndex(r => r.ExpiresAt).HasDatabaseName("idx_webhook_replays_expires_at");
    }
}
