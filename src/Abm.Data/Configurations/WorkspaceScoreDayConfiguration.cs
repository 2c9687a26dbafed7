using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class WorkspaceScoreDayConfiguration : IEntityTypeConfiguration<WorkspaceScoreDay>
{
    public void Configure(EntityTypeBuilder<WorkspaceScoreDay> builder)
    {
        builder.ToTable("workspace_score_days");
        builder.HasKey(d => new { d.WorkspaceId, d.Day });
        builder.BelongsToWorkspace();
    }
}
