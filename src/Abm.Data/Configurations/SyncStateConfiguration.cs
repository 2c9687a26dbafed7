using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class SyncStateConfiguration : IEntityTypeConfiguration<SyncState>
{
    public void Configure(EntityTypeBuilder<SyncState> builder)
    {
        builder.ToTable("sync_state");
        builder.BelongsToWorkspace();
        builder.Property(s => s.ObjectType).HasMaxLength(30);
        builder.Property(s => s.FullSyncCursor).HasMaxLength(200);
        builder.HasIndex(s => new { s.WorkspaceId, s.ObjectType }).IsUnique();
    }
}
