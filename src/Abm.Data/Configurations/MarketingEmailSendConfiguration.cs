using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class MarketingEmailSendConfiguration : IEntityTypeConfiguration<MarketingEmailSend>
{
    public void Configure(EntityTypeBuilder<MarketingEmailSend> builder)
    {
        builder.ToTable("marketing_email_sends");
        builder.BelongsToWorkspace();
        builder.Property(s => s.EmailId).HasMaxLength(50);
        builder.Property(s => s.EmailName).HasMaxLength(500);
        builder.Property(s => s.EmailCampaignIds).IsJsonDocument();
        builder.Property(s => s.ListId).HasMaxLength(50);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.WorkspaceId, s.CreatedAt });
        // What the send worker claims: unfinished sends by due time.
        builder.HasIndex(s => new { s.WorkspaceId, s.DueAt }).HasFilter("status IN ('scheduled', 'sending')").HasDatabaseName("idx_marketing_email_sends_due");
    }
}

internal sealed class MarketingEmailRecipientConfiguration : IEntityTypeConfiguration<MarketingEmailRecipient>
{
    public void Configure(EntityTypeBuilder<MarketingEmailRecipient> builder)
    {
        builder.ToTable("marketing_email_recipients");
        builder.BelongsToWorkspace();
        builder.HasKey(r => new { r.SendId, r.HubSpotContactId });
        builder.HasOne<MarketingEmailSend>().WithMany().HasForeignKey(r => r.SendId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.HubSpotContactId).HasMaxLength(50);
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.Outcome).HasMaxLength(20);
        builder.Property(r => r.HubSpotStatusId).HasMaxLength(100);
        builder.HasIndex(r => new { r.WorkspaceId, r.ContactId });
    }
}
