using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class NurtureSequenceConfiguration : IEntityTypeConfiguration<NurtureSequence>
{
    public void Configure(EntityTypeBuilder<NurtureSequence> builder)
    {
        builder.ToTable("nurture_sequences");
        builder.BelongsToWorkspace();
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Property(s => s.Definition).IsJsonDocument();
        builder.HasIndex(s => new { s.WorkspaceId, s.Key }).IsUnique();
    }
}
