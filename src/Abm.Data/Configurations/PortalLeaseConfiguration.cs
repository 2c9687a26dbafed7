using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class PortalLeaseConfiguration : IEntityTypeConfiguration<PortalLease>
{
    public void Configure(EntityTypeBuilder<PortalLease> builder)
    {
        builder.ToTable("portal_leases");
        builder.HasKey(l => l.WorkspaceId);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(l => l.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
