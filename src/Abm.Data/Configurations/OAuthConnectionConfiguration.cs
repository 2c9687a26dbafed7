using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class OAuthConnectionConfiguration : IEntityTypeConfiguration<OAuthConnection>
{
    public void Configure(EntityTypeBuilder<OAuthConnection> builder)
    {
        builder.ToTable("oauth_connections");
        builder.BelongsToWorkspace();
        builder.Property(c => c.PortalId).HasMaxLength(50);
        builder.Property(c => c.AuthKind).HasMaxLength(20);
        builder.Property(c => c.Status).HasMaxLength(20);
        builder.Property(c => c.StatusReason).HasMaxLength(500);
        builder.Property(c => c.Scopes).HasMaxLength(2000);
        builder.HasIndex(c => c.WorkspaceId).IsUnique();
    }
}
