using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class AiCallConfiguration : IEntityTypeConfiguration<AiCall>
{
    public void Configure(EntityTypeBuilder<AiCall> builder)
    {
        builder.ToTable("ai_calls");
        builder.BelongsToWorkspace();
        builder.HasOne<LeadScore>().WithMany().HasForeignKey(c => c.LeadScoreId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Provider).HasMaxLength(50);
        builder.Property(c => c.Model).HasMaxLength(200);
        builder.Property(c => c.Outcome).HasMaxLength(40);
        builder.HasIndex(c => c.LeadScoreId);
        builder.HasIndex(c => new { c.WorkspaceId, c.CalledAt });
    }
}
