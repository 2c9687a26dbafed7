using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.ToTable("sync_runs");
        builder.BelongsToWorkspace();
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.Trigger).HasMaxLength(20);
        builder.Property(r => r.Holder).HasMaxLength(200);
        builder.HasIndex(r => new { r.WorkspaceId, r.StartedAt });
    }
}
