using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class NurtureSequenceVersionConfiguration : IEntityTypeConfiguration<NurtureSequenceVersion>
{
    public void Configure(EntityTypeBuilder<NurtureSequenceVersion> builder)
    {
        builder.ToTable("nurture_sequence_versions");
        builder.BelongsToWorkspace();
        builder.HasOne<NurtureSequence>().WithMany().HasForeignKey(v => v.SequenceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.Definition).IsJsonDocument();
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.HasIndex(v => new { v.SequenceId, v.Version }).IsUnique();
    }
}
