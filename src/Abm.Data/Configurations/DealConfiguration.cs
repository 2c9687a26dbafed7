using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.ToTable("deals");
        builder.BelongsToWorkspace();
        builder.HasOne<Company>().WithMany().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.HubSpotId).HasMaxLength(50);
        builder.Property(d => d.Name).HasMaxLength(255);
        builder.Property(d => d.Stage).HasMaxLength(100);
        builder.Property(d => d.Pipeline).HasMaxLength(100);
        builder.Property(d => d.OwnerHubSpotId).HasMaxLength(50);
        builder.Property(d => d.Amount).HasPrecision(18, 2);
        builder.Property(d => d.Properties).IsJsonDocument();
        builder.HasIndex(d => new { d.WorkspaceId, d.HubSpotId }).IsUnique().HasDatabaseName("idx_deals_hubspot_id");
        builder.HasIndex(d => d.CompanyId);
    }
}
