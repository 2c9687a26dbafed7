using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("content_items");
        builder.BelongsToWorkspace();
        builder.Property(c => c.ExternalId).HasMaxLength(100);
        builder.Property(c => c.Title).HasMaxLength(255);
        builder.Property(c => c.ContentType).HasMaxLength(50);
        builder.Property(c => c.Complexity).HasMaxLength(20);
        builder.Property(c => c.Topic).HasMaxLength(100);
        builder.Property(c => c.Url).HasMaxLength(1000);
        builder.Property(c => c.FilePath).HasMaxLength(500);
        builder.Property(c => c.PerformanceMetrics).IsJsonDocument();
        builder.HasIndex(c => new { c.WorkspaceId, c.ContentType, c.TargetIndustries }).HasDatabaseName("idx_content_items_type_industry");
        // A CSV re-import updates by external id instead of duplicating the library.
        builder.HasIndex(c => new { c.WorkspaceId, c.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
    }
}
