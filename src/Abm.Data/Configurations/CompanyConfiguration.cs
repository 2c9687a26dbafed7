using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies");
        builder.BelongsToWorkspace();
        builder.Property(c => c.HubSpotId).HasMaxLength(50);
        builder.Property(c => c.Name).HasMaxLength(255);
        builder.Property(c => c.Domain).HasMaxLength(255);
        builder.Property(c => c.Industry).HasMaxLength(100);
        builder.Property(c => c.AccountTier).HasMaxLength(20);
        builder.Property(c => c.OwnerHubSpotId).HasMaxLength(50);
        builder.Property(c => c.AnnualRevenue).HasPrecision(18, 2);
        builder.Property(c => c.Properties).IsJsonDocument();
        // Sync upserts by (workspace, HubSpot id); the unique key makes them idempotent.
        builder.HasIndex(c => new { c.WorkspaceId, c.HubSpotId }).IsUnique().HasDatabaseName("idx_companies_hubspot_id");
        // The account list's default order (score, highest first) reads this index instead of sorting every account.
        builder.HasIndex(c => new { c.WorkspaceId, c.EngagementScore }).HasDatabaseName("idx_companies_score").HasFilter("archived_at IS NULL");
    }
}
