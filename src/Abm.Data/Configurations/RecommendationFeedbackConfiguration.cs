using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class RecommendationFeedbackConfiguration : IEntityTypeConfiguration<RecommendationFeedback>
{
    public void Configure(EntityTypeBuilder<RecommendationFeedback> builder)
    {
        builder.ToTable("recommendation_feedback");
        builder.BelongsToWorkspace();
        builder.HasOne<Contact>().WithMany().HasForeignKey(f => f.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(f => f.ContentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Verdict).HasMaxLength(20);
        builder.Property(f => f.DecidedBy).HasMaxLength(256);
        builder.HasIndex(f => new { f.ContactId, f.ContentId }).IsUnique();
        builder.HasIndex(f => f.ContentId);
    }
}
