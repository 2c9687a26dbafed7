using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class IcpProfileConfiguration : IEntityTypeConfiguration<IcpProfile>
{
    public void Configure(EntityTypeBuilder<IcpProfile> builder)
    {
        builder.ToTable("icp_profiles");
        builder.BelongsToWorkspace();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Definition).IsJsonDocument();
        builder.Property(p => p.Source).HasMaxLength(20);
        builder.Property(p => p.EmbeddingModel).HasMaxLength(200);
        builder.HasIndex(p => new { p.WorkspaceId, p.Name }).IsUnique();
    }
}
