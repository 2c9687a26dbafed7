using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class PrivacyTombstoneConfiguration : IEntityTypeConfiguration<PrivacyTombstone>
{
    public void Configure(EntityTypeBuilder<PrivacyTombstone> builder)
    {
        builder.ToTable("privacy_tombstones");
        builder.BelongsToWorkspace();
        builder.Property(t => t.HubSpotIdHash).HasMaxLength(64);
        builder.Property(t => t.EmailHash).HasMaxLength(64);
        builder.Property(t => t.RequestedBy).HasMaxLength(100);
        builder.HasIndex(t => t.ContactId);
        builder.HasIndex(t => new { t.WorkspaceId, t.HubSpotIdHash });
        builder.HasIndex(t => new { t.WorkspaceId, t.EmailHash });
    }
}
