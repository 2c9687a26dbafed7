using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class AccountScoreDayConfiguration : IEntityTypeConfiguration<AccountScoreDay>
{
    public void Configure(EntityTypeBuilder<AccountScoreDay> builder)
    {
        builder.ToTable("account_score_days");
        builder.HasKey(d => new { d.CompanyId, d.Day });
        builder.BelongsToWorkspace();
        builder.HasOne<Company>().WithMany().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.Cascade);
        // Old days are pruned per workspace.
        builder.HasIndex(d => new { d.WorkspaceId, d.Day });
    }
}
