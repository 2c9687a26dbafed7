using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.ToTable("experiments");
        builder.BelongsToWorkspace();
        builder.Property(e => e.Key).HasMaxLength(100);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Status).HasMaxLength(20);
        builder.Property(e => e.Variants).IsJsonDocument();
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Metric).HasMaxLength(20);
        builder.Property(e => e.Decision).HasMaxLength(1000);
        builder.Property(e => e.Evaluation).IsJsonDocument();
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.WorkspaceId, e.Key }).IsUnique();
        // One running experiment of a kind per workspace: two would fight over the same contacts.
        builder.HasIndex(e => new { e.WorkspaceId, e.Kind }).IsUnique().HasFilter("status = 'running'");
    }
}

internal sealed class ExperimentExposureConfiguration : IEntityTypeConfiguration<ExperimentExposure>
{
    public void Configure(EntityTypeBuilder<ExperimentExposure> builder)
    {
        builder.ToTable("experiment_exposures");
        builder.BelongsToWorkspace();
        builder.HasOne<Experiment>().WithMany().HasForeignKey(e => e.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Arm).HasMaxLength(50);
        builder.Property(e => e.UnitKey).HasMaxLength(64);
        builder.Property(e => e.Channel).HasMaxLength(10);
        // Named (idx_ names are kept as given): the conventional ix_ name is longer than PostgreSQL's 63-character identifiers.
        builder.HasIndex(e => new { e.ExperimentId, e.ContactId, e.ContentId, e.Channel }).IsUnique().HasDatabaseName("idx_experiment_exposures_once_per_channel");
        builder.HasIndex(e => e.ContactId);
    }
}
