using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class RecommenderWeightFitConfiguration : IEntityTypeConfiguration<RecommenderWeightFit>
{
    public void Configure(EntityTypeBuilder<RecommenderWeightFit> builder)
    {
        builder.ToTable("recommender_weight_fits");
        builder.BelongsToWorkspace();
        builder.Property(f => f.Status).HasMaxLength(20);
        builder.Property(f => f.CurrentWeights).IsJsonDocument();
        builder.Property(f => f.FittedWeights).IsJsonDocument();
        builder.Property(f => f.Evaluation).IsJsonDocument();
        builder.Property(f => f.CreatedBy).HasMaxLength(256);
        builder.Property(f => f.DecidedBy).HasMaxLength(256);
        builder.HasIndex(f => new { f.WorkspaceId, f.Status });
        builder.HasIndex(f => new { f.WorkspaceId, f.CreatedAt });
    }
}
