using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.ToTable("recommendations");
        builder.BelongsToWorkspace();
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(r => r.ContentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Factors).IsJsonDocument();
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.HasIndex(r => new { r.ContactId, r.Rank });
        builder.HasIndex(r => r.ContentId);
    }
}
