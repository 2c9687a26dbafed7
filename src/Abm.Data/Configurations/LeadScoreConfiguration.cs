using Abm.Data.Entities;
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
        builder.HasIndex(s => new { s.ContactId, s.ScoredAt });
        builder.HasIndex(s => s.IcpProfileId);
        builder.HasIndex(s => new { s.WorkspaceId, s.Priority });
    }
}
