using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class OwnerConfiguration : IEntityTypeConfiguration<Owner>
{
    public void Configure(EntityTypeBuilder<Owner> builder)
    {
        builder.ToTable("owners");
        builder.BelongsToWorkspace();
        builder.Property(o => o.HubSpotId).HasMaxLength(50);
        builder.Property(o => o.UserId).HasMaxLength(50);
        builder.Property(o => o.Email).HasMaxLength(255);
        builder.Property(o => o.FirstName).HasMaxLength(100);
        builder.Property(o => o.LastName).HasMaxLength(100);
        builder.HasIndex(o => new { o.WorkspaceId, o.HubSpotId }).IsUnique().HasDatabaseName("idx_owners_hubspot_id");
    }
}
