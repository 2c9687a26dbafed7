using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class LeadScoreConfiguration : IEntityTypeConfiguration<LeadScore>
{
    public void Configure(EntityTypeBuilder<LeadScore> builder)
    {
        builder.ToTable("lead_scores");
        builder.BelongsToWorkspace();
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IcpProfile>().WithMany().HasForeignKey(s => s.IcpProfileId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(s => s.Fit).HasMaxLength(20);
        builder.Property(s => s.NextAction).HasMaxLength(20);
        builder.Property(s => s.Priority).HasMaxLength(20);
        builder.Property(s => s.Method).HasMaxLength(20);
        builder.Property(s => s.Provider).HasMaxLength(50);
        builder.Property(s => s.Model).HasMaxLength(200);
        builder.Property(s => s.FallbackReason).HasMaxLength(500);
        builder.Property(s => s.Details).IsJsonDocument();
        builder.HasIndex(s => s.ContactId).HasDatabaseName("idx_lead_scores_current").IsUnique().HasFilter("is_current");
        builder.HasIndex(s => new { s.WorkspaceId, s.Priority, s.Score }).HasDatabaseName("idx_lead_scores_queue").HasFilter("is_current");
        builder.HasIndex(s => new { s.ContactId, s.ScoredAt });
        builder.HasIndex(s => s.IcpProfileId);
        builder.HasIndex(s => new { s.WorkspaceId, s.Priority });
    }
}
